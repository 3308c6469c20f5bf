import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { syncRemoteFailed } from './sync.errors.ts';

export interface Download {
  sha256: string;
  size: number;
}

/** The certref a sync follows: its base URL, and the API key to send if one was given. */
export class RemoteCertref {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly key: string | null,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  get origin(): string {
    return this.base;
  }

  /** GETs a JSON answer; a refusal or a network failure is `sync_remote_failed`, naming the URL. */
  async json(pathAndQuery: string): Promise<unknown> {
    const response = await this.get(pathAndQuery);
    return response.json();
  }

  /** Streams a file to `target`, hashing it on the way; `onBytes` is told of each chunk. */
  async download(pathAndQuery: string, target: string, onBytes: (bytes: number) => void = () => {}): Promise<Download> {
    const response = await this.get(pathAndQuery);
    if (!response.body) throw syncRemoteFailed(this.base + pathAndQuery, response.status, 'empty body');
    const hash = createHash('sha256');
    let size = 0;
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          size += chunk.length;
          onBytes(chunk.length);
          yield chunk;
        }
      },
      fs.createWriteStream(target),
    );
    return { sha256: hash.digest('hex'), size };
  }

  private async get(pathAndQuery: string): Promise<Response> {
    const url = this.base + pathAndQuery;
    let response: Response;
    try {
      response = await fetch(url, { headers: this.key ? { authorization: `Bearer ${this.key}` } : {} });
    } catch (error) {
      throw syncRemoteFailed(
        url,
        null,
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
      );
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as { code?: unknown } | null;
      throw syncRemoteFailed(url, response.status, typeof problem?.code === 'string' ? problem.code : response.statusText);
    }
    return response;
  }
}
