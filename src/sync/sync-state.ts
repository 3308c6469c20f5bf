import type { ServiceState } from '../db/service-state.ts';

/** Where a synced database keeps its position, in `service_state`: the remote's feed cursor and the remote it follows. */
const CURSOR_KEY = 'sync.cursor';
const REMOTE_KEY = 'sync.remote';

export interface SyncPosition {
  cursor: string;
  remote: string;
}

export function readSyncPosition(state: ServiceState): SyncPosition | null {
  const cursor = state.get(CURSOR_KEY);
  const remote = state.get(REMOTE_KEY);
  return cursor === null || remote === null ? null : { cursor, remote };
}

/** Written in the transaction that applied the changes up to `cursor`: both commit, or neither. */
export function writeSyncPosition(state: ServiceState, position: SyncPosition): void {
  state.set(CURSOR_KEY, position.cursor);
  state.set(REMOTE_KEY, position.remote);
}
