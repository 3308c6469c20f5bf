import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A fixed set of files read once at start: no path from the URL ever reaches the file system. */
function loadFiles(): Map<string, { body: Buffer; type: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of fs.readdirSync(PUBLIC_DIR, { recursive: true }) as string[]) {
    const full = path.join(PUBLIC_DIR, name);
    const type = TYPES[path.extname(name)];
    if (!type || !fs.statSync(full).isFile()) continue;
    files.set(name.split(path.sep).join('/'), { body: fs.readFileSync(full), type });
  }
  return files;
}

/**
 * The technician console: plain HTML and small ES modules under `/console`, no build step. The
 * pages call the API with the technician's key; serving them needs none.
 */
export function consoleRoutes(): FastifyPluginAsync {
  return async (app) => {
    const files = loadFiles();
    const common = { config: { access: 'public' as const, rateLimit: false as const }, schema: { hide: true } };
    app.get('/console', common, async (_request, reply) => reply.redirect('/console/'));
    app.get<{ Params: { '*': string } }>('/console/*', common, async (request, reply) => {
      const name = request.params['*'] || 'index.html';
      const file = files.get(name) ?? files.get(`${name}.html`) ?? (name.includes('.') ? undefined : files.get('index.html'));
      if (!file) return reply.callNotFound();
      return reply
        .type(file.type)
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-security-policy',
          "default-src 'self'; img-src 'self' blob: data:; frame-src 'self' blob:; object-src 'self' blob:; style-src 'self'; script-src 'self'",
        )
        .send(file.body);
    });
  };
}
