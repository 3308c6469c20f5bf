import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REFERENCE_LISTING } from '../numbers/reference/reference-listing.ts';
import { authoritiesResponseSchema, cataloguesResponseSchema } from './reference.schemas.ts';

export function referenceRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/reference/authorities',
      {
        schema: {
          tags: ['reference'],
          summary: '审批部门简称与广东各市备案前缀 · Issuing authorities and Guangdong city prefixes',
          description:
            '证号引擎认识的审批部门简称，以及广东各地级市的备案编号前缀。 The authority abbreviations the number engine knows, and the filing prefixes of Guangdong’s cities.',
          response: { 200: authoritiesResponseSchema },
        },
      },
      async () => ({ authorities: [...REFERENCE_LISTING.authorities], guangdongCities: [...REFERENCE_LISTING.guangdongCities] }),
    );
    app.get(
      '/v1/reference/catalogues',
      {
        schema: {
          tags: ['reference'],
          summary: '2002 版与 2017 版分类目录 · The 2002 and 2017 classification catalogues',
          description:
            '证号中分类编码所依据的 2002 版与 2017 版医疗器械分类目录，以及体外诊断试剂分类。 The classification catalogues whose codes appear in numbers: 2002, 2017 and the IVD classification.',
          response: { 200: cataloguesResponseSchema },
        },
      },
      async () => ({
        catalogue2002: [...REFERENCE_LISTING.catalogues['2002']],
        catalogue2017: [...REFERENCE_LISTING.catalogues['2017']],
        ivd: REFERENCE_LISTING.catalogues.ivd,
      }),
    );
  };
}
