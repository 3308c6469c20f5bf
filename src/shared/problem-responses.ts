import { problemSchema } from './problem.ts';

/** Declares problem+json answers for a route's error statuses, so OpenAPI lists every outcome. */
export function problemResponses(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema]));
}
