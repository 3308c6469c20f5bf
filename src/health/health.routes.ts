import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.ts';
import { migrationsApplied } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import { problemResponses } from '../shared/problem-responses.ts';

const okSchema = z.object({ status: z.literal('ok').describe('进程能应答时始终为 ok。 Always ok when the process answers.') });

/** Never rate-limited: a busy client behind the load balancer's address must not make the service look down. */
const probe = { rateLimit: false as const };

export function healthRoutes(database: DatabaseHandle): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: probe,
        schema: {
          tags: ['health'],
          summary: '存活检查 · Liveness: the process answers',
          description: '进程能应答即返回 ok，不检查数据库。 Answers ok whenever the process runs; the database is not consulted.',
          response: { 200: okSchema },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      {
        config: probe,
        schema: {
          tags: ['health'],
          summary: '就绪检查 · Readiness: the database is open and every migration applied',
          description:
            '数据库已打开且所有迁移均已执行时返回 ok，否则返回 503。 Answers ok once the database is open and migrated; 503 otherwise, so a load balancer waits.',
          response: { 200: okSchema, ...problemResponses(503) },
        },
      },
      async () => {
        let ready = false;
        try {
          ready = database.sqlite.open && migrationsApplied(database.sqlite);
        } catch {
          ready = false;
        }
        if (!ready) {
          throw new AppError(503, 'not_ready', { zh: '数据库未就绪。', en: 'The database is not ready.' });
        }
        return { status: 'ok' as const };
      },
    );
  };
}
