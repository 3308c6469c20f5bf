import iconv from 'iconv-lite';

/** The decoder's interface: bytes in, text out, state kept across chunk boundaries. */
interface ChunkDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * Decodes an XML byte stream to text, chunk by chunk. The encoding comes from a byte order mark
 * or the XML declaration (`encoding="GBK"`), UTF-8 otherwise; NMPA publishes UTF-8, but a file
 * re-saved by someone's tooling should not turn into mojibake silently.
 */
export async function* decodeXml(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let decoder: ChunkDecoder | null = null;
  let head = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (!decoder) {
      head = Buffer.concat([head, bytes]);
      // The declaration is within the first few hundred bytes; wait for them unless the file is tiny.
      if (head.length < 512) continue;
      decoder = decoderFor(head);
      const text = decoder.write(head);
      head = Buffer.alloc(0);
      if (text) yield text;
      continue;
    }
    const text = decoder.write(bytes);
    if (text) yield text;
  }
  decoder ??= decoderFor(head);
  const rest = (head.length > 0 ? decoder.write(head) : '') + decoder.end();
  if (rest) yield rest;
}

function decoderFor(head: Buffer): ChunkDecoder {
  const encoding = sniffEncoding(head);
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    const decoder = new TextDecoder(encoding, { ignoreBOM: false });
    return {
      write: (bytes) => decoder.decode(bytes, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  const decoder = iconv.getDecoder(encoding);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

function sniffEncoding(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.subarray(0, 512).toString('latin1'));
  const name = declared?.[1]?.toLowerCase();
  if (!name || name === 'utf-8' || name === 'utf8') return 'utf-8';
  // GB18030 is a superset of GBK and GB2312: decoding with it never loses a character.
  if (name === 'gbk' || name === 'gb2312' || name === 'gb18030' || name === 'cp936') return 'gb18030';
  return iconv.encodingExists(name) ? name : 'utf-8';
}
