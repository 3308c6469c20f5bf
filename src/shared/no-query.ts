import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const NO_QUERY = z.strictObject({});

/**
 * Routes that take no query string refuse one, as routes with a query refuse unknown keys: a
 * misspelt parameter (`?nubmer=`) answers 400 instead of being silently ignored. Pages and the API
 * document's own routes (hidden from it) are left alone.
 */
export function refuseUndeclaredQueries(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide || route.schema.querystring) return;
    route.schema = { ...route.schema, querystring: NO_QUERY };
  });
}
