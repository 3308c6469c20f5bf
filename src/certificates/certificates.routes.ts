import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../shared/problem-responses.ts';
import { buildCertificateView } from './certificate-view.ts';
import type { CertificatesRepository } from './certificates.repository.ts';
import { certificateParamsSchema, certificateQuerySchema, certificateViewSchema } from './certificates.schemas.ts';
import { type ListingRouteDeps, listingRoutes } from './listing/listing.routes.ts';
import type { LookupService } from './lookup/lookup.service.ts';
import { missToError } from './lookup/lookup-outcome.ts';
import { certificateNotFoundSchema } from './lookup/not-found.schema.ts';
import type { RequesterOf } from './lookup/requester.ts';
import type { AuthorityOf } from './source-precedence.ts';

interface CertificatesRoutesDeps {
  lookup: LookupService;
  repository: CertificatesRepository;
  today: () => string;
  /** How the sources rank when two versions of one document disagree. */
  authorityOf: AuthorityOf;
  requester: RequesterOf;
  /** The full listing, `GET /v1/certificates`. */
  listing: Omit<ListingRouteDeps, 'today'>;
}

export function certificatesRoutes(deps: CertificatesRoutesDeps): FastifyPluginAsyncZod {
  const { requester } = deps;
  return async (app) => {
    await app.register(listingRoutes({ ...deps.listing, today: deps.today }));
    app.get(
      '/v1/certificates/:number',
      {
        schema: {
          tags: ['certificates'],
          summary: '查询证书 · Look up a certificate',
          description:
            '按证号查询注册证或备案凭证及其全部历史。证号可按 docs/numbers.md 所述的任何常见写法输入（需 URL 编码）。 The number may be typed in any of the ways docs/numbers.md §3 lists (URL-encoded). Answers the parsed number, what is in effect today, every version newest first, links and provenance.',
          params: certificateParamsSchema,
          querystring: certificateQuerySchema,
          response: { 200: certificateViewSchema, ...problemResponses(400, 422), 404: certificateNotFoundSchema },
        },
      },
      async (request) => {
        // A miss of a Guangdong number opens a ticket: a write.
        const outcome = await app.writes.run(() =>
          deps.lookup.lookup(
            request.params.number,
            () => requester(request, request.query),
            (n) => deps.repository.findByMatchKey(n.matchKey),
          ),
        );
        if (outcome.kind !== 'found') throw missToError(outcome, 'single');
        const { number, found } = outcome;
        const links = {
          replaces: deps.repository.predecessors(found.certificate.id),
          replacedBy: deps.repository.successors(number.matchKey),
        };
        return buildCertificateView(number, found, links, request.query.asOf ?? deps.today(), deps.authorityOf);
      },
    );
  };
}
