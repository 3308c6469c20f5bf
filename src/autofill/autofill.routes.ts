import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { LookupOutcome, LookupService, Requester } from '../certificates/lookup/lookup.service.ts';
import { missToError } from '../certificates/lookup/lookup-outcome.ts';
import type { RequesterOf } from '../certificates/lookup/requester.ts';
import type { ParsedNumber } from '../numbers/number.types.ts';
import { problemOf } from '../shared/error-handler.ts';
import { compileSerializer, JSON_UTF8 } from '../shared/fast-serializer.ts';
import { problemResponses } from '../shared/problem-responses.ts';
import type { CertificateInput, CertificateInputReader } from '../udi/barcode/certificate-input.ts';
import { autofillNotFoundSchema, autofillQuerySchema, autofillSchema, batchBodySchema, batchResponseSchema } from './autofill.schemas.ts';
import type { AutofillService } from './autofill.service.ts';
import type { AutofillPayload } from './autofill.ts';

interface AutofillRoutesDeps {
  lookup: LookupService;
  autofill: AutofillService;
  requester: RequesterOf;
  /** Numbers as typed pass through; a scanned UDI becomes the certificate its DI names. */
  readInput: CertificateInputReader;
}

type Scanned = Extract<CertificateInput, { kind: 'scanned' }>;

/** The reporting form's payload for one number, and for up to 1,000 at once. */
export function autofillRoutes(deps: AutofillRoutesDeps): FastifyPluginAsyncZod {
  const { requester } = deps;
  const autofillRead = (n: ParsedNumber) => deps.autofill.payloadFor(n);
  // The schema the route declares also serialises what the answer cache keeps.
  const serialiseAutofill = compileSerializer<AutofillPayload>(autofillSchema);
  const autofillBody = (n: ParsedNumber) => deps.autofill.bodyFor(n, serialiseAutofill);

  return async (app) => {
    app.get(
      '/v1/autofill',
      {
        schema: {
          tags: ['autofill'],
          summary: '自动填写报告表 · Auto-fill the reporting form',
          description:
            "按填报规则给出报告表应填内容：批准日期、生效日期、有效期至，以及是否需要上报和原因。也接受扫码枪输入的 UDI 条码，按产品标识查得证号，并在 barcode 中给出条码内容。 Also takes a scanned UDI (GS1 or MA code): its DI finds the certificate in the UDI data, and `barcode` says what was read. The reporting form's payload with its date rules applied (docs/certificates.md §3): approval date of the latest document in effect, effective date as printed or by the old-rule approval-date rule, expiry (none for filings), whether the product is reportable and why not.",
          querystring: autofillQuerySchema,
          response: { 200: autofillSchema, ...problemResponses(400, 422), 404: autofillNotFoundSchema },
        },
      },
      // Not async: the busiest route skips a promise per request (fastify catches a sync throw). Only
      // a miss that opens a ticket while another process holds the write lock answers later.
      (request, reply) => {
        const { query } = request;
        const input = deps.readInput(query.number);
        if (input.kind === 'rejected') throw input.error;
        if (input.kind === 'scanned') return answerScan(reply, input, query.asOf, () => requester(request, query));
        // Without asOf (nearly every call) the prebuilt reader keeps the hot path free of closures.
        const read = query.asOf === undefined ? autofillBody : (n: ParsedNumber) => deps.autofill.bodyFor(n, serialiseAutofill, query.asOf);
        const outcome = app.writes.run(() => deps.lookup.lookup(query.number, () => requester(request, query), read));
        if (outcome instanceof Promise) return outcome.then((later) => sendAutofill(reply, later));
        sendAutofill(reply, outcome);
      },
    );

    /** A scan answers the payload with what the barcode said, serialised by the route (not the answer cache's body). */
    async function answerScan(reply: FastifyReply, input: Scanned, asOf: string | undefined, who: () => Requester): Promise<void> {
      const read = (n: ParsedNumber) => deps.autofill.payloadFor(n, asOf);
      const outcome = await app.writes.run(() => deps.lookup.lookup(input.number, who, read));
      if (outcome.kind !== 'found') throw missToError(outcome, 'single');
      reply.send({ ...outcome.found, barcode: input.barcode });
    }

    app.post(
      '/v1/autofill/batch',
      {
        schema: {
          tags: ['autofill'],
          summary: '批量自动填写 · Auto-fill many numbers at once',
          description:
            '最多 1000 个证号或扫描的 UDI 条码，按输入顺序逐一作答。 Up to 1,000 numbers or scanned UDI barcodes; one answer per input, in order: the payload, not found, or invalid with reason and suggestions.',
          body: batchBodySchema,
          response: { 200: batchResponseSchema, ...problemResponses(400, 413) },
        },
      },
      async (request) => {
        const { numbers, asOf, ...extra } = request.body;
        const who = () => requester(request, extra);
        const read = asOf === undefined ? autofillRead : (n: ParsedNumber) => deps.autofill.payloadFor(n, asOf);
        // One number at a time, so a wait for the write lock never runs a ticket's write twice.
        const results: z.input<typeof batchResponseSchema>['results'] = [];
        for (const input of numbers) {
          const readAs = deps.readInput(input);
          if (readAs.kind === 'rejected') {
            results.push({ input, outcome: readAs.outcome, problem: problemOf(readAs.error) });
            continue;
          }
          const pending = app.writes.run(() => deps.lookup.lookup(readAs.number, who, read));
          const outcome = pending instanceof Promise ? await pending : pending;
          if (outcome.kind !== 'found') {
            results.push({ input, outcome: outcome.kind, problem: problemOf(missToError(outcome, 'batch')) });
            continue;
          }
          const barcode = readAs.kind === 'scanned' ? { barcode: readAs.barcode } : {};
          results.push({ input, outcome: outcome.kind, autofill: { ...outcome.found, ...barcode } });
        }
        return { results };
      },
    );
  };
}

function sendAutofill(reply: FastifyReply, outcome: LookupOutcome<Buffer>): void {
  if (outcome.kind !== 'found') throw missToError(outcome, 'single');
  // Already serialised by the 200 schema; fastify sends a Buffer as it is.
  reply.type(JSON_UTF8).send(outcome.found as never);
}
