import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type BilingualText } from './app-error.ts';
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
  return reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(problemOf(error));
}

/** Fastify's own errors that are the client's fault, mapped to stable codes. */
const frameworkErrors: Record<string, { status: number; code: string; text: BilingualText }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    text: { zh: '请求体过大（上限 1 MB）。', en: 'The request body is too large (limit 1 MB).' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    text: { zh: '不支持的请求内容类型。', en: 'Unsupported content type.' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_request',
    text: { zh: '请求体为空，应为 JSON。', en: 'The JSON body is empty.' },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    text: { zh: '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  },
};

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

    const mapped = error.code ? frameworkErrors[error.code] : undefined;
    if (mapped) return sendProblem(reply, new AppError(mapped.status, mapped.code, mapped.text));

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
