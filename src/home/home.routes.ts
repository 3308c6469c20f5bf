import type { FastifyPluginAsync } from 'fastify';
import { HOME_PAGE } from './home-page.ts';

/**
 * `GET /`: a short page for whoever opens the service's address in a browser, instead of a 404.
 * Hidden from the OpenAPI document: it is a page for people, not part of the API.
 */
export function homeRoutes(): FastifyPluginAsync {
  return async (app) => {
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .send(HOME_PAGE),
    );
  };
}
