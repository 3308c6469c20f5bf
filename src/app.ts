import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.ts';
import { authPlugin } from './auth/auth.plugin.ts';
import { rateLimitPlugin } from './auth/rate-limit.plugin.ts';
import { refusalLimitPlugin } from './auth/refusal-limit.plugin.ts';
import { autofillRoutes } from './autofill/autofill.routes.ts';
import { bundlesRoutes } from './bundles/bundles.routes.ts';
import { certificatesRoutes } from './certificates/certificates.routes.ts';
import { requesterFrom } from './certificates/lookup/requester.ts';
import { encodeChangeCursor } from './changes/change-cursor.ts';
import { ChangeVersions } from './changes/change-versions.ts';
import { changesRoutes } from './changes/changes.routes.ts';
import { consoleRoutes } from './console/console.routes.ts';
import type { WriteLock } from './db/write-lock.ts';
import { healthRoutes } from './health/health.routes.ts';
import { homeRoutes } from './home/home.routes.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { actorNamer } from './keys/actor-name.ts';
import { keysRoutes } from './keys/keys.routes.ts';
import { normalise } from './numbers/normalise.ts';
import { numbersRoutes } from './numbers/numbers.routes.ts';
import { prechecksRoutes } from './prechecks/prechecks.routes.ts';
import { referenceRoutes } from './reference/reference.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import type { Services } from './services.ts';
import { registerErrorHandlers, routerErrorHandler } from './shared/error-handler.ts';
import { fastSerializerCompiler } from './shared/fast-serializer.ts';
import { lazyChildLoggerFactory } from './shared/lazy-request-logger.ts';
import { refuseUndeclaredQueries } from './shared/no-query.ts';
import { transformObjectWithResponseDescriptions } from './shared/openapi-response-descriptions.ts';
import { statusRoutes } from './status/status.routes.ts';
import { subscriptionsRoutes } from './subscriptions/subscriptions.routes.ts';
import { attachmentsRoutes } from './tickets/attachments/attachments.routes.ts';
import { ticketActionsRoutes } from './tickets/ticket-actions.routes.ts';
import { ticketsRoutes } from './tickets/tickets.routes.ts';
import { udiRoutes } from './udi/udi.routes.ts';
import { widgetRoutes } from './widget/widget.routes.ts';
import { widgetCorsPlugin } from './widget/widget-cors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Routes that write run their transaction through it, so another process's lock is waited for on timers. */
    writes: WriteLock;
  }
}

interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
}

/** Outside imports, no body may exceed 1 MB (a 1,000-number batch is well under). */
const BODY_LIMIT = 1024 * 1024;

/** The API reference's sections, in the order it lists them. */
const API_TAGS: Record<string, string> = {
  certificates: '证书及其历史。 Certificates and their history',
  autofill: "报告表的填写内容。 The reporting form's payload",
  numbers: '证号引擎。 The number engine',
  reference: '审批部门与分类目录。 Authorities and catalogues',
  search: '按证号、证号片段、产品名称或注册人搜索。 Search by number, number fragment, product name or holder',
  imports: '批量导入（管理员）。 Bulk CSV, XLSX and JSON Lines imports (admin)',
  health: '存活与就绪检查。 Liveness and readiness',
  tickets: '广东缺失证书的补录工单队列。 The correction queue for missing Guangdong certificates',
  access: '访问密钥（API 密钥）、角色与审计记录。 API keys, roles and the audit trail',
  freshness: '各数据源的新鲜度，以及供镜像使用的变更流。 How fresh each source is, and the change feed for mirrors',
  udi: '国家药监局 UDI 数据库中每张证书的产品标识和分类编码。 What the NMPA UDI database says: DIs and catalogue codes per certificate',
};

/**
 * Builds the HTTP app from services the composition root made. Never listens: the process file
 * (`server.ts`) does, and tests use `app.inject`.
 */
export async function buildApp(services: Services, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: !services.config.logRequests }),
    // Request logging on: every request logs, so a real child logger is made up front.
    ...(services.config.logRequests ? {} : { childLoggerFactory: lazyChildLoggerFactory }),
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 2000 },
    frameworkErrors: routerErrorHandler,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('writes', services.writes);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(fastSerializerCompiler);
  registerErrorHandlers(app);
  refuseUndeclaredQueries(app);
  // CORS for the widget's host pages first: a preflight carries no key, and a refusal must stay readable to them.
  await app.register(widgetCorsPlugin(services.config.widgetAllowedOrigins));
  // Who is asking (API key, ADMIN_TOKEN, or anonymous) and what each route allows, then rate limits per key or address.
  // An address refused too often is stopped first, before its key is checked.
  await app.register(refusalLimitPlugin(services.config.rateLimitPerMinute));
  await app.register(
    authPlugin({ keys: services.apiKeys, adminToken: services.config.adminToken, lookupsRequireKey: services.config.lookupsRequireKey }),
  );
  await app.register(rateLimitPlugin(services.config.rateLimitPerMinute));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'certref',
        description:
          "医疗器械注册证与备案凭证的参考数据：证号规范化、查询和报告表自动填写。 Reference data for China's medical device registration certificates (注册证) and class I filings (备案凭证): normalised numbers, lookup, and the reporting form's auto-fill.",
        version: '0.1.0',
      },
      tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    },
    transform: jsonSchemaTransform,
    transformObject: transformObjectWithResponseDescriptions,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Every route group, in the order of the API reference (docs: src/README.md).
  const requester = requesterFrom((request) => request.principal);
  await app.register(healthRoutes(services.database));
  await app.register(numbersRoutes(services.currentYear));
  await app.register(referenceRoutes());
  await app.register(
    certificatesRoutes({
      lookup: services.lookup,
      repository: services.certificates,
      today: services.today,
      authorityOf: services.sourceAuthority,
      requester,
      listing: { listing: services.certificateListing, now: services.now, changesCursor: encodeChangeCursor },
    }),
  );
  await app.register(
    autofillRoutes({ lookup: services.lookup, autofill: services.autofill, requester, readInput: services.readCertificateInput }),
  );
  await app.register(searchRoutes(services.search.service));
  await app.register(prechecksRoutes({ service: services.prechecks, requester, maxBytes: services.config.precheckMaxBytes }));
  await app.register(importsRoutes(services.importer));
  await app.register(keysRoutes(services.apiKeys));
  await app.register(auditRoutes(services.database.sqlite));
  await app.register(ticketsRoutes(services.tickets, services.changeLog, actorNamer(services.apiKeys)));
  await app.register(ticketActionsRoutes(services.tickets));
  await app.register(attachmentsRoutes(services.tickets));
  await app.register(consoleRoutes());
  await app.register(homeRoutes());
  await app.register(widgetRoutes(services.search.service));
  await app.register(statusRoutes(services.status));
  await app.register(changesRoutes(services.changeLog, new ChangeVersions(services.database.sqlite)));
  await app.register(
    subscriptionsRoutes({
      subscriptions: services.subscriptions,
      currentYear: services.currentYear,
      allowPrivate: services.config.callbackAllowPrivate,
    }),
  );
  await app.register(bundlesRoutes(services.bundles.store));
  await app.register(udiRoutes({ devices: services.udiDevices, normalise, currentYear: services.currentYear }));
  app.addHook('onReady', async () => services.start());

  await app.ready();
  return app;
}
