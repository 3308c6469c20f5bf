import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ParsedNumber } from '../numbers/number.types.ts';
import { problemResponses } from '../shared/problem-responses.ts';
import type { AutofillService } from './autofill.service.ts';
import { buildCertificateView } from './certificate-view.ts';
import type { CertificatesRepository } from './certificates.repository.ts';
import {
  autofillQuerySchema,
  autofillSchema,
  batchBodySchema,
  batchResponseSchema,
  certificateParamsSchema,
  certificateQuerySchema,
  certificateViewSchema,
} from './certificates.schemas.ts';
import { missToError } from './lookup-outcome.ts';
import type { AutofillPayload } from './autofill.ts';
import { compileSerializer, JSON_UTF8 } from '../shared/fast-serializer.ts';
import type { LookupService, Requester } from './lookup.service.ts';
import type { AuthorityOf } from '../sources/source-precedence.ts';

export interface CertificatesRoutesDeps {
  lookup: LookupService;
  repository: CertificatesRepository;
  autofill: AutofillService;
  today: () => string;
  /** How the sources rank when two versions of one document disagree. */
  authorityOf: AuthorityOf;
  /** Who is asking: the API key's organisation once keys exist, else the client address. */
  requesterOf?: (request: FastifyRequest) => string | null;
}

export function certificatesRoutes(deps: CertificatesRoutesDeps): FastifyPluginAsyncZod {
  const requester = (request: FastifyRequest, extra: { contact?: string; callbackUrl?: string } = {}): Requester => ({
    organisation: deps.requesterOf?.(request) ?? `ip:${request.ip}`,
    contact: extra.contact ?? null,
    callbackUrl: extra.callbackUrl ?? null,
  });

  const autofillRead = (n: ParsedNumber) => deps.autofill.payloadFor(n);
  // The schema the route declares also serialises what the answer cache keeps.
  const serialiseAutofill = compileSerializer<AutofillPayload>(autofillSchema);
  const autofillBody = (n: ParsedNumber) => deps.autofill.bodyFor(n, serialiseAutofill);

  return async (app) => {
    app.get(
      '/v1/certificates/:number',
      {
        schema: {
          tags: ['certificates'],
          summary: 'Look up a certificate',
          description:
            'The number may be typed any way NUMBERS.md allows (URL-encoded). Answers the parsed number, what is in effect today, every version newest first, links and provenance.',
          params: certificateParamsSchema,
          querystring: certificateQuerySchema,
          response: { 200: certificateViewSchema, ...problemResponses(400, 404, 422) },
        },
      },
      async (request) => {
        const outcome = deps.lookup.lookup(
          request.params.number,
          () => requester(request, request.query),
          (n) => deps.repository.findByMatchKey(n.matchKey),
        );
        if (outcome.kind !== 'found') throw missToError(outcome);
        const { number, found } = outcome;
        const links = {
          replaces: deps.repository.predecessors(found.certificate.id),
          replacedBy: deps.repository.successors(number.matchKey),
        };
        return buildCertificateView(number, found, links, deps.today(), deps.authorityOf);
      },
    );

    app.get(
      '/v1/autofill',
      {
        schema: {
          tags: ['autofill'],
          summary: 'Auto-fill the reporting form',
          description:
            "The reporting form's payload with its date rules applied (CERTIFICATES.md §3): approval date of the latest document in effect, effective date as printed or by the old-rule approval-date rule, expiry (none for filings), whether the product is reportable and why not.",
          querystring: autofillQuerySchema,
          response: { 200: autofillSchema, ...problemResponses(400, 404, 422) },
        },
      },
      // Not async: the busiest route skips a promise per request (fastify catches a sync throw).
      (request, reply) => {
        const { query } = request;
        const outcome = deps.lookup.lookup(query.number, () => requester(request, query), autofillBody);
        if (outcome.kind !== 'found') throw missToError(outcome);
        // Already serialised by the 200 schema; fastify sends a Buffer as it is.
        reply.type(JSON_UTF8).send(outcome.found as never);
      },
    );

    app.post(
      '/v1/autofill/batch',
      {
        schema: {
          tags: ['autofill'],
          summary: 'Auto-fill many numbers at once',
          description: 'Up to 1,000 numbers; one answer per input, in order: the payload, not found, or invalid with reason and suggestions.',
          body: batchBodySchema,
          response: { 200: batchResponseSchema, ...problemResponses(400, 413) },
        },
      },
      async (request) => {
        const { numbers, ...extra } = request.body;
        const who = () => requester(request, extra);
        return {
          results: numbers.map((input) => {
            const outcome = deps.lookup.lookup(input, who, autofillRead);
            if (outcome.kind === 'found') {
              return { input, outcome: outcome.kind, autofill: outcome.found };
            }
            const error = missToError(outcome);
            return { input, outcome: outcome.kind, problem: { code: error.code, message: error.text, ...error.extra } };
          }),
        };
      },
    );
  };
}

