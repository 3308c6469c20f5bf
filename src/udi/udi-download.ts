import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import * as cheerio from 'cheerio';
import type { HostThrottle } from '../sources/host-throttle.ts';
import type { SourcePagesRepository } from '../sources/source-pages.repository.ts';
import { sourceHttpError, sourceNetworkError, sourceTimeout } from '../sources/sources.errors.ts';
import { isUdiFileName } from './xml/udi-file-entries.ts';

export interface UdiDownloadDeps {
  throttle: HostThrottle;
  pages: SourcePagesRepository;
  userAgent: string;
  /** A download is abandoned when no byte arrives for this long (files are large: no total limit). */
  idleTimeoutMs: number;
  minIntervalMs: number;
  now: () => Date;
}

interface DownloadResult {
  /** Files written to the directory by this call. */
  downloaded: string[];
  notModified: boolean;
}

const PAGE_SOURCE = 'udi';
/** A listing page links every release; only the newest few are daily increments worth fetching. */
const MAX_FILES_PER_LISTING = 10;

/**
 * Fetches NMPA UDI increments from a URL: either a file (ZIP or XML) or an HTML page listing
 * them (the download page), in which case the newest linked files not yet in `dir` are fetched.
 * Conditional requests make an unchanged URL cost a 304; files stream to disk.
 */
export async function downloadUdi(url: string, dir: string, deps: UdiDownloadDeps): Promise<DownloadResult> {
  await fs.promises.mkdir(dir, { recursive: true });
  const validators = deps.pages.validators(PAGE_SOURCE, url);
  const response = await request(url, deps, validators);
  const fetchedAt = deps.now().toISOString();
  if (response.status === 304) {
    deps.pages.record({
      source: PAGE_SOURCE,
      url,
      outcome: 'not_modified',
      httpStatus: 304,
      records: 0,
      versionsAdded: 0,
      error: null,
      fetchedAt,
    });
    return { downloaded: [], notModified: true };
  }
  const type = response.headers.get('content-type') ?? '';
  const downloaded: string[] = [];
  if (/text\/html|application\/xhtml/i.test(type)) {
    const html = await response.text();
    for (const link of listedFiles(html, response.url || url)) {
      const name = safeName(path.basename(new URL(link).pathname));
      if (fs.existsSync(path.join(dir, name))) continue;
      downloaded.push(await save(await request(link, deps, {}), dir, name, deps.idleTimeoutMs));
    }
  } else {
    downloaded.push(await save(response, dir, fileNameOf(response, url), deps.idleTimeoutMs));
  }
  deps.pages.record({
    source: PAGE_SOURCE,
    url,
    outcome: 'imported',
    httpStatus: response.status,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    records: downloaded.length,
    versionsAdded: 0,
    error: null,
    fetchedAt,
  });
  return { downloaded, notModified: false };
}

async function request(
  url: string,
  deps: UdiDownloadDeps,
  validators: { etag?: string | null; lastModified?: string | null },
): Promise<Response> {
  await deps.throttle.wait(url, deps.minIntervalMs);
  const controller = new AbortController();
  const headers: Record<string, string> = { 'user-agent': deps.userAgent };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const timer = setTimeout(() => controller.abort(new DOMException('idle', 'TimeoutError')), deps.idleTimeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
  } catch (error) {
    throw controller.signal.aborted
      ? sourceTimeout(url, deps.idleTimeoutMs, 1)
      : sourceNetworkError(url, error instanceof Error ? error.message : String(error), 1);
  } finally {
    clearTimeout(timer);
  }
  if (response.status !== 304 && !response.ok) {
    await response.body?.cancel();
    throw sourceHttpError(url, response.status, 1);
  }
  return response;
}

/** Streams a body to `dir/name` through a temporary file, so a broken download leaves no half file. */
async function save(response: Response, dir: string, name: string, idleTimeoutMs: number): Promise<string> {
  const target = path.join(dir, name);
  const partial = `${target}.part`;
  if (!response.body) throw sourceNetworkError(response.url, 'empty body', 1);
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  let stalled = false;
  // The clock restarts with every chunk: a slow but moving download is fine, a stalled one is not.
  const idle = setTimeout(() => {
    stalled = true;
    body.destroy(new Error(`no data for ${idleTimeoutMs} ms`));
  }, idleTimeoutMs);
  body.on('data', () => idle.refresh());
  try {
    await pipeline(body, fs.createWriteStream(partial));
    await fs.promises.rename(partial, target);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    if (stalled) throw sourceTimeout(response.url, idleTimeoutMs, 1);
    throw sourceNetworkError(response.url, error instanceof Error ? error.message : String(error), 1);
  } finally {
    clearTimeout(idle);
  }
  return target;
}

function listedFiles(html: string, pageUrl: string): string[] {
  const $ = cheerio.load(html);
  const links = new Set<string>();
  for (const a of $('a[href]').toArray()) {
    try {
      const link = new URL(($(a).attr('href') ?? '').trim(), pageUrl);
      if ((link.protocol === 'http:' || link.protocol === 'https:') && isUdiFileName(link.pathname)) links.add(link.href);
    } catch {
      // Not a URL: not a file link.
    }
  }
  // Names carry the date (UDID_DAY_UPDATE_20240102.zip): name order is date order.
  const sorted = [...links].sort((a, b) => path.basename(a).localeCompare(path.basename(b), 'en', { numeric: true }));
  return sorted.slice(-MAX_FILES_PER_LISTING);
}

function fileNameOf(response: Response, url: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  const fromHeader = star?.[1] ? decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')) : plain?.[1];
  const name = fromHeader ?? path.basename(new URL(response.url || url).pathname);
  return safeName(name || 'udi-download.zip');
}

/** No directories, no dot files: the name comes from a remote server. */
function safeName(name: string): string {
  const base = path
    .basename(name)
    .replace(/[^\w.\-\u4e00-\u9fff]/g, '_')
    .replace(/^\.+/, '');
  return base || 'udi-download.zip';
}
