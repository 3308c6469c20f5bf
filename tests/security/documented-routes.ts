import { buildTestApp } from '../helpers/test-app.ts';

export interface DocumentedParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
}

export interface DocumentedRoute {
  /** `GET /v1/tickets/{id}`, as the OpenAPI document spells it. */
  key: string;
  method: string;
  /** The OpenAPI path, `{name}` for each path parameter. */
  path: string;
  parameters: DocumentedParameter[];
  /** Media types the request body is documented with, if it takes one. */
  bodyTypes: string[];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

interface OpenApiOperation {
  parameters?: DocumentedParameter[];
  requestBody?: { content?: Record<string, unknown> };
}

/** Every route the API document lists, read from a real app's `/openapi.json`. */
export async function documentedRoutes(): Promise<DocumentedRoute[]> {
  const ctx = await buildTestApp();
  try {
    const document = (await ctx.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, OpenApiOperation>> };
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          parameters: operation.parameters ?? [],
          bodyTypes: Object.keys(operation.requestBody?.content ?? {}),
        })),
    );
  } finally {
    await ctx.close();
  }
}
