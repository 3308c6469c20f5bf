import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, MeilisearchTaskTimeOutError } from 'meilisearch';
import { SearchEngineUnavailable } from '../search.port.ts';

/**
 * Whether a Meilisearch failure means "not available now" (unreachable, timing out, failing on its
 * side, or its index not there yet) rather than a bug in what we asked: the former falls back to
 * the embedded index and leaves the outbox for later, the latter is raised.
 */
function isUnavailable(error: unknown): boolean {
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) return true;
  if (error instanceof MeilisearchTaskTimeOutError) return true;
  if (error instanceof MeilisearchApiError) {
    return error.response.status >= 500 || isIndexNotFound(error);
  }
  return false;
}

export function isIndexNotFound(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found';
}

/** Runs a Meilisearch call, turning unavailability into `SearchEngineUnavailable`. */
export async function callMeilisearch<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error)) throw new SearchEngineUnavailable('meilisearch', error);
    throw error;
  }
}
