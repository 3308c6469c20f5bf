/**
 * What may be shown of values that authenticate someone. Requesters often put a token in their
 * callback URL's path or query (the receiver's only way to tell certref's POSTs from a stranger's),
 * so a callback URL is shown as where it goes, never as the whole address.
 */
const HIDDEN = '…';

/** `https://hooks.example.com/…`: the scheme, host and port; the rest (and any user:password) hidden. */
export function redactCallbackUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return HIDDEN;
  }
  if (parsed.origin === 'null') return HIDDEN;
  const bare = parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username && !parsed.password;
  return bare ? parsed.origin : `${parsed.origin}/${HIDDEN}`;
}

/** Fields that hold a secret, a hash of one, or signing material: never recorded, never shown. */
const SECRET_FIELDS = new Set(['key', 'keyHash', 'key_hash', 'secret', 'callbackSecret', 'token', 'signature', 'password']);
/** Fields that hold a callback URL: shown by {@link redactCallbackUrl}. */
const CALLBACK_URL_FIELDS = new Set(['callbackUrl', 'callback_url']);

/**
 * A copy of a recorded state with every secret field dropped and every callback URL redacted, at
 * any depth. Applying it twice changes nothing.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    if (SECRET_FIELDS.has(field)) continue;
    copy[field] = CALLBACK_URL_FIELDS.has(field) && typeof inner === 'string' ? redactCallbackUrl(inner) : redactSecrets(inner);
  }
  return copy;
}
