import iconv from 'iconv-lite';

interface DecodedPage {
  html: string;
  /** The charset used and where it came from, recorded for whoever debugs a garbled page. */
  charset: string;
  charsetFrom: 'bom' | 'header' | 'meta' | 'config' | 'default';
}

/** Government sites in China still serve GBK / GB2312; GB18030 decodes both without loss. */
const GB_FAMILY = new Set(['gbk', 'gb2312', 'gb_2312-80', 'x-gbk', 'cp936', 'gb18030', 'euc-cn', 'x-euc-cn']);

/**
 * Decodes an HTML body: a byte order mark first, then a forced charset from the source's config,
 * then the Content-Type header, then a `<meta>` in the first 4 KB, else UTF-8.
 */
export function decodeHtml(body: Buffer, contentType: string | null, forced?: string): DecodedPage {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return decodeWith(body.subarray(3), 'utf-8', 'bom');
  if (forced) return decodeWith(body, forced, 'config');
  const fromHeader = charsetParameter(contentType);
  if (fromHeader && iconv.encodingExists(canonical(fromHeader))) return decodeWith(body, fromHeader, 'header');
  const fromMeta = metaCharset(body.subarray(0, 4096).toString('latin1'));
  if (fromMeta && iconv.encodingExists(canonical(fromMeta))) return decodeWith(body, fromMeta, 'meta');
  return decodeWith(body, 'utf-8', 'default');
}

function decodeWith(body: Buffer, charset: string, charsetFrom: DecodedPage['charsetFrom']): DecodedPage {
  const name = canonical(charset);
  return { html: iconv.decode(body, name), charset: name, charsetFrom };
}

function canonical(charset: string): string {
  const name = charset.trim().toLowerCase();
  if (GB_FAMILY.has(name)) return 'gb18030';
  if (name === 'utf8') return 'utf-8';
  return name;
}

function charsetParameter(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. */
function metaCharset(head: string): string | null {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([A-Za-z0-9._-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}
