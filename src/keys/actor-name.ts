import type { ApiKeysRepository } from './api-keys.repository.ts';

/** How a person reads an audit actor: `key:3` becomes the key's name; other actors stay as they are. */
export function actorNamer(keys: ApiKeysRepository): (actor: string) => string {
  return (actor) => {
    const match = /^key:(\d+)$/.exec(actor);
    if (!match) return actor;
    return keys.get(Number(match[1]))?.name ?? actor;
  };
}
