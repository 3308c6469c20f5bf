import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * Rewrites the shapes fast-json-stringify handles slowly (it validates every `anyOf` branch at
 * run time) into equivalent ones it compiles to straight-line code: `X | null` becomes a
 * nullable X, a union of constants of one type becomes that type.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, simplify(value)])) as JsonSchema;
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (!anyOf) return schema;
  const { anyOf: _dropped, ...rest } = schema;
  const nonNull = anyOf.filter((branch) => branch.type !== 'null');
  if (nonNull.length === 1 && anyOf.length === 2) return { ...rest, ...nonNull[0], nullable: true };
  const types = new Set(anyOf.map((branch) => branch.type));
  if (types.size === 1 && anyOf.every((branch) => 'const' in branch || 'enum' in branch)) {
    return { ...rest, type: anyOf[0]!.type };
  }
  return schema;
}

/**
 * Serialises responses with fast-json-stringify compiled from the route's zod schema (the zod
 * provider's own serialiser validates every answer and costs ~18% of throughput on the lookup
 * routes). The zod schema stays the single contract: OpenAPI and types come from it, and the
 * tests check answers against it. Schemas JSON Schema cannot express fall back to zod.
 */
export const fastSerializerCompiler: FastifySerializerCompiler<unknown> = (routeSchema) => {
  const { schema } = routeSchema as { schema: unknown };
  if (schema instanceof z.ZodType) {
    try {
      const jsonSchema = simplify(z.toJSONSchema(schema, { target: 'draft-07', io: 'output', unrepresentable: 'throw' })) as JsonSchema;
      delete jsonSchema.$schema;
      return fastJson(jsonSchema);
    } catch {
      // fall through to the zod serialiser
    }
  }
  return zodSerializerCompiler(routeSchema as Parameters<typeof zodSerializerCompiler>[0]);
};

export const JSON_UTF8 = 'application/json; charset=utf-8';

/** The serialiser fastify would compile for a route answering `schema`, for answers serialised ahead of time. */
export function compileSerializer<T>(schema: z.ZodType): (value: T) => string {
  return fastSerializerCompiler({ schema, method: 'GET', url: '', httpStatus: '200' }) as (value: T) => string;
}
