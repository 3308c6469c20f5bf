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
