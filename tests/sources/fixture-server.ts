import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HTML_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/html');

export interface SeenRequest {
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
}

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, hits: number) => void | Promise<void>;

export interface FixtureServer {
  url: string;
  requests: SeenRequest[];
  hitsOf(path: string): number;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** Serves a fixture file with a content type; ETag support so conditional requests can be tested. */
export function file(name: string, contentType = 'text/html', etag?: string): Handler {
  return (request, response) => {
    if (etag && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType, ...(etag ? { etag } : {}) });
    response.end(fs.readFileSync(path.join(HTML_FIXTURES, name)));
  };
}

export function status(code: number): Handler {
  return (_request, response) => {
    response.writeHead(code, { 'content-type': 'text/plain' });
    response.end(`status ${code}`);
  };
}

/** Answers only after `ms`: longer than the client's timeout makes a timeout. */
export function slow(ms: number, then: Handler): Handler {
  return (request, response, hits) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => resolve(then(request, response, hits) as undefined), ms);
      request.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
}

/** A real HTTP server on 127.0.0.1 and a free port, started per test. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const requests: SeenRequest[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Routes and hits use the decoded path: tests name pages as people read them (Chinese numbers).
    const pathname = decodeURIComponent(url.pathname);
    const key = pathname + url.search;
    requests.push({ path: key, at: Date.now(), headers: request.headers });
    const handler = routes.get(key) ?? routes.get(pathname);
    const hits = requests.filter((r) => r.path === key).length;
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    void Promise.resolve(handler(request, response, hits)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hitsOf: (p) => requests.filter((r) => r.path === p).length,
    route: (p, handler) => routes.set(p, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
