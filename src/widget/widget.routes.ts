import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

interface WidgetFile {
  file: string;
  type: string;
  /** Who may load it: the script from any site that embeds it, the demo from certref's own pages only. */
  headers: Record<string, string>;
}

const NO_SNIFF = { 'x-content-type-options': 'nosniff' };

/** The demo runs under the policy a careful host would set: nothing inline, nothing from elsewhere. */
const DEMO_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'";

/** URL → file: a fixed table, so no part of a URL ever reaches the file system. */
const FILES: Record<string, WidgetFile> = {
  '/widget/certref.js': {
    file: 'certref.js',
    type: 'text/javascript; charset=utf-8',
    // Any host page may load it as a classic script (which needs no CORS), also under COEP.
    headers: { ...NO_SNIFF, 'cache-control': 'public, max-age=300', 'cross-origin-resource-policy': 'cross-origin' },
  },
  '/widget/demo': {
    file: 'demo.html',
    type: 'text/html; charset=utf-8',
    headers: { ...NO_SNIFF, 'cache-control': 'no-cache', 'content-security-policy': DEMO_POLICY },
  },
  '/widget/demo.css': {
    file: 'demo.css',
    type: 'text/css; charset=utf-8',
    headers: { ...NO_SNIFF, 'cache-control': 'no-cache' },
  },
};

/**
 * The embeddable auto-fill widget (`<certref-autofill>`, docs/widget.md) and a sample reporting
 * form that uses it. Files for browsers, not part of the API: hidden from the OpenAPI document,
 * open to anyone (the widget's own calls to `/v1/autofill` are the lookups, with their quotas),
 * and not rate-limited, like the console's files.
 */
export function widgetRoutes(): FastifyPluginAsync {
  return async (app) => {
    const common = { config: { access: 'public' as const, rateLimit: false as const }, schema: { hide: true } };
    for (const [url, { file, type, headers }] of Object.entries(FILES)) {
      const body = fs.readFileSync(path.join(PUBLIC_DIR, file));
      app.get(url, common, async (_request, reply) => reply.type(type).headers(headers).send(body));
    }
  };
}
