import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** What the widget calls from a host page: the auto-fill answer, and the certificate for 型号规格. */
const WIDGET_API = /^\/v1\/(?:autofill(?:[/?]|$)|certificates\/)/;

/**
 * CORS for pages on WIDGET_ALLOWED_ORIGINS that embed `/widget/certref.js`, on the routes the widget
 * calls and no other. Another origin gets no `Access-Control-Allow-Origin`, and its preflight a
 * 404, so its browser keeps the answer from the page. No origins configured: nothing is
 * registered, and the widget works on certref's own origin only.
 *
 * Registered before the refusal limit and the auth plugin: a preflight carries no key and is
 * answered first, and a 401, 403 or 429 a host page's widget provokes is still readable by it.
 * Cookies are never allowed (`credentials: false`): the widget sends its key as `X-API-Key`.
 */
export function widgetCorsPlugin(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  const forWidget = (request: FastifyRequest): boolean => {
    const origin = request.headers.origin;
    return origin !== undefined && allowed.has(origin) && WIDGET_API.test(request.url);
  };
  return fp(
    async (app: FastifyInstance) => {
      if (allowed.size === 0) return;
      await app.register(cors, {
        delegator: (request, callback) =>
          callback(
            null,
            forWidget(request)
              ? {
                  origin: request.headers.origin as string,
                  methods: ['GET', 'POST'],
                  allowedHeaders: ['x-api-key', 'authorization', 'content-type'],
                  exposedHeaders: ['retry-after'],
                  maxAge: 600,
                  strictPreflight: false,
                }
              : { origin: false },
          ),
      });
    },
    { name: 'certref-widget-cors', fastify: '5.x' },
  );
}
