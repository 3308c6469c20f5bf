import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { SearchService } from '../search/search.service.ts';
import { demoExamples, withExamples } from './demo-examples.ts';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const read = (file: string): Buffer => fs.readFileSync(path.join(PUBLIC_DIR, file));

const NO_SNIFF = { 'x-content-type-options': 'nosniff' };

/** Any host page may load the script as a classic script (which needs no CORS), also under COEP. */
const SCRIPT_HEADERS = { ...NO_SNIFF, 'cache-control': 'public, max-age=300', 'cross-origin-resource-policy': 'cross-origin' };

/** The demo runs under the policy a careful host would set: nothing inline, nothing from elsewhere. */
const DEMO_HEADERS = {
  ...NO_SNIFF,
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'",
};

/**
 * The embeddable auto-fill widget (`<certref-autofill>`, docs/widget.md) and a sample reporting
 * form that uses it. Files for browsers, not part of the API: hidden from the OpenAPI document,
 * open to anyone (the widget's own calls to `/v1/autofill` are the lookups, with their quotas),
 * and not rate-limited, like the console's files. Each URL names its file here, so no part of a
 * URL ever reaches the file system.
 */
export function widgetRoutes(search: Pick<SearchService, 'search'>): FastifyPluginAsync {
  return async (app) => {
    const common = { config: { access: 'public' as const, rateLimit: false as const }, schema: { hide: true } };
    const script = read('certref.js');
    const stylesheet = read('demo.css');
    const demo = read('demo.html').toString('utf8');
    app.get('/widget/certref.js', common, async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').headers(SCRIPT_HEADERS).send(script),
    );
    app.get('/widget/demo.css', common, async (_request, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .headers({ ...NO_SNIFF, 'cache-control': 'no-cache' })
        .send(stylesheet),
    );
    // Numbers to try are looked up on each visit: the store changes, and visits are few.
    app.get('/widget/demo', common, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .headers(DEMO_HEADERS)
        .send(withExamples(demo, await demoExamples(search))),
    );
  };
}
