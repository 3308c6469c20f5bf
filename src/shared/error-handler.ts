import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type BilingualText, defineError } from './app-error.ts';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.ts';
import { translateIssues, type ValidationIssue } from './zod-messages.ts';

function problem(status: number, code: string, text: BilingualText, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `urn:certref:problem:${code}`,
    title: code.replaceAll('_', ' '),
    status,
    code,
    detail: text.en,
    message: text,
    ...extra,
  };
}

/** The problem document an error is answered with; also what a batch item carries for its input. */
export function problemOf(error: AppError): Problem {
  return problem(error.status, error.code, error.text, error.extra);
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  // An error that says when to come back (database_busy) says it in the header clients and proxies read.
  const retryAfter = error.extra.retryAfterSeconds;
  if (typeof retryAfter === 'number' && error.status === 503) reply.header('Retry-After', String(retryAfter));
  return reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(problemOf(error));
}

/** A client's mistake that Fastify or a plugin reports in its own words, answered with our code and text. */
const clientFault = (status: number, code: string, zh: string, en: string) => defineError(status, code, () => ({ text: { zh, en } }));

type ClientFault = ReturnType<typeof clientFault>;

/** Fastify's own errors that are the client's fault, mapped to stable codes. */
const frameworkErrors: Record<string, ClientFault> = {
  FST_ERR_CTP_BODY_TOO_LARGE: clientFault(
    413,
    'payload_too_large',
    '请求体过大（上限 1 MB）。',
    'The request body is too large (limit 1 MB).',
  ),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: clientFault(415, 'unsupported_media_type', '不支持的请求内容类型。', 'Unsupported content type.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: clientFault(400, 'invalid_request', '请求体为空，应为 JSON。', 'The JSON body is empty.'),
  FST_ERR_CTP_INVALID_JSON_BODY: clientFault(400, 'invalid_json', '请求体不是有效的 JSON。', 'The request body is not valid JSON.'),
};

const malformedMultipart = clientFault(
  400,
  'malformed_multipart',
  'multipart/form-data 请求体格式错误（分隔符缺失或不符、内容被截断或头部无效），请用标准表单上传一个 file 字段。',
  'The multipart/form-data body is malformed (missing or mismatched boundary, truncated, or bad part headers); upload one `file` field with a standard form.',
);

const tooManyParts = clientFault(
  400,
  'multipart_too_many_parts',
  '表单字段或文件过多：请只上传一个 file 字段。',
  'Too many fields or files in the form: upload a single `file` field.',
);

/** @fastify/multipart's own errors, all the client's doing (file size limits are mapped by their routes). */
const multipartErrors: Record<string, ClientFault> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: malformedMultipart,
  FST_MP_PREMATURE_CLOSE: malformedMultipart,
  FST_PROTO_VIOLATION: malformedMultipart,
  FST_INVALID_JSON_FIELD_ERROR: malformedMultipart,
  FST_PARTS_LIMIT: tooManyParts,
  FST_FILES_LIMIT: tooManyParts,
  FST_FIELDS_LIMIT: tooManyParts,
};

/**
 * The multipart parser (busboy) reports a body it cannot parse with plain errors, no code: these
 * are its messages (a missing or over-long boundary, a body that ends before its closing boundary).
 */
const BUSBOY_PARSE_ERROR =
  /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|.* terminated early due to unexpected end of multipart data|The needle cannot have a length bigger than \d+\.|Malformed part header)/;

function multipartProblem(error: FastifyError, request: FastifyRequest): ClientFault | undefined {
  if (error.code && multipartErrors[error.code]) return multipartErrors[error.code];
  const multipart = /^multipart\//i.test(request.headers['content-type'] ?? '');
  if (error.statusCode === undefined && multipart && BUSBOY_PARSE_ERROR.test(error.message)) return malformedMultipart;
  return undefined;
}

/**
 * Errors the router raises before any route or hook runs (an undecodable URL, an over-long path
 * parameter): Fastify answers them itself unless given this, and its answer is no problem document.
 */
export function routerErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(
    reply,
    new AppError(400, 'invalid_url', {
      zh: '请求地址无效：路径含有无法解码的字符或过长的参数。',
      en: `Invalid URL: ${error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is too long' : 'the path cannot be decoded'}.`,
    }),
  );
}

/**
 * The one place errors become responses. Client mistakes get their own code; anything else is a
 * 500 whose details stay in the log, never in the answer.
 */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) return sendProblem(reply, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = translateIssues(error.validation as ValidationIssue[], error.validationContext);
      return sendProblem(
        reply,
        new AppError(
          400,
          'invalid_request',
          {
            zh: `请求不正确：${issues.map((i) => i.message.zh).join('；')}`,
            en: `Invalid ${error.validationContext ?? 'request'}: ${issues.map((i) => i.message.en).join('; ')}`,
          },
          { issues },
        ),
      );
    }

    const mapped = (error.code ? frameworkErrors[error.code] : undefined) ?? multipartProblem(error, request);
    if (mapped) return sendProblem(reply, mapped());

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, url: request.url }, 'response did not match its schema');
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(
        reply,
        new AppError(error.statusCode, 'bad_request', { zh: '请求无效，请检查请求的格式与内容。', en: error.message || 'Bad request.' }),
      );
    } else {
      request.log.error({ err: error, url: request.url }, 'unhandled error');
    }
    return sendProblem(reply, new AppError(500, 'internal_error', { zh: '服务器内部错误，请稍后重试。', en: 'Internal server error.' }));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new AppError(404, 'route_not_found', {
        zh: `没有这个接口：\`${request.method} ${request.url.split('?')[0]}\``,
        en: `No such route: ${request.method} ${request.url.split('?')[0]}`,
      }),
    ),
  );
}
