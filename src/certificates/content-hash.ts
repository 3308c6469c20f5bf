import { createHash } from 'node:crypto';
import { DOCUMENT_FIELD_NAMES, type VersionInput } from './version-input.ts';

/**
 * Identity of a document's content, independent of how its number was typed and of where it
 * came from, so the same document arriving twice (a re-import, two sources) is stored once.
 */
export function contentHash(input: VersionInput): string {
  const hash = createHash('sha1');
  hash.update(input.number.canonical);
  hash.update('\u0000');
  hash.update(input.documentType);
  for (const name of DOCUMENT_FIELD_NAMES) {
    hash.update('\u0000');
    hash.update(input[name] ?? '');
  }
  return hash.digest('base64url');
}
