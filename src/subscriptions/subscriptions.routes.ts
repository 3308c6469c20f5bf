import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { hasRole } from '../auth/roles.ts';
import { cursorCodec } from '../shared/cursor.ts';
import { problemResponses } from '../shared/problem-responses.ts';
import { intakeRefusal } from '../shared/webhooks/webhook-address.ts';
import { DEFAULT_EXPIRING_DAYS, SUBSCRIPTION_EVENTS } from './subscription-events.ts';
import { parseWatch } from './subscription-watch.ts';
import { subscriptionCallbackRefused, subscriptionNotFound } from './subscriptions.errors.ts';
import { type Subscription, subscriptionView } from './subscriptions.repository.ts';
import {
  createdSubscriptionSchema,
  createSubscriptionBodySchema,
  deliveriesPageSchema,
  deliveriesQuerySchema,
  subscriptionListSchema,
  subscriptionParamsSchema,
  subscriptionSchema,
} from './subscriptions.schemas.ts';
import type { Subscriptions } from './subscriptions.ts';

const deliveriesCursor = cursorCodec('subscription-deliveries', z.object({ after: z.int().nonnegative() }));

/** Whose a subscription is: the key's organisation; a credential without one (ADMIN_TOKEN) owns by its actor. */
const ownerOf = (principal: Principal) => principal.organisation ?? principal.actor;

interface RouteDeps {
  subscriptions: Subscriptions;
  currentYear: () => number;
  /** CALLBACK_ALLOW_PRIVATE: the same address rule as ticket callbacks. */
  allowPrivate: boolean;
}

/** `/v1/subscriptions…`: webhooks for certificate changes, expiry and resolved tickets (docs/subscriptions.md). */
export function subscriptionsRoutes({ subscriptions, currentYear, allowPrivate }: RouteDeps): FastifyPluginAsyncZod {
  const { repository } = subscriptions;
  const view = (s: Subscription) => subscriptionView(s, SUBSCRIPTION_EVENTS);
  /** Another organisation's subscription is answered as missing, so ids cannot be probed. */
  const visible = (id: number, principal: Principal): Subscription => {
    const found = repository.get(id);
    if (!found || !(hasRole(principal.role, 'admin') || found.organisation === ownerOf(principal))) throw subscriptionNotFound(id);
    return found;
  };

  return async (app) => {
    app.post(
      '/v1/subscriptions',
      {
        config: { access: 'reader' },
        schema: {
          tags: ['freshness'],
          summary: '订阅变更通知 · Subscribe to changes',
          description:
            '登记一个接收地址，在所关注的证书新建、新增版本、即将到期或已到期，以及本单位提出的补录工单解决时收到签名通知。签名密钥只在此返回一次。 Registers a webhook: signed notices when watched certificates are created, gain a version, near or pass their expiry, and when tickets your organisation asked for are resolved. The signing secret is answered once, here.',
          body: createSubscriptionBodySchema,
          response: { 201: createdSubscriptionSchema, ...problemResponses(400, 401, 403, 422, 429) },
        },
      },
      async (request, reply) => {
        const { callbackUrl, events, expiringDays, ...watched } = request.body;
        const refusal = intakeRefusal(callbackUrl, { allowPrivate });
        if (refusal) throw subscriptionCallbackRefused(refusal);
        const watch = parseWatch(watched, currentYear());
        const { subscription, secret } = await app.writes.run(() =>
          repository.create({
            organisation: ownerOf(request.principal),
            createdBy: request.principal.actor,
            callbackUrl,
            ...watch,
            events: events ? [...new Set(events)] : null,
            expiringDays: [...new Set(expiringDays ?? DEFAULT_EXPIRING_DAYS)].sort((a, b) => b - a),
          }),
        );
        return reply
          .code(201)
          .header('location', `/v1/subscriptions/${subscription.id}`)
          .send({ ...view(subscription), secret });
      },
    );

    app.get(
      '/v1/subscriptions',
      {
        config: { access: 'reader' },
        schema: {
          tags: ['freshness'],
          summary: '列出订阅 · List subscriptions',
          description: '本单位的订阅；管理员可见全部。 Your organisation’s subscriptions; admins see every one. Never shows a secret.',
          response: { 200: subscriptionListSchema, ...problemResponses(401, 403, 429) },
        },
      },
      async (request) => {
        const all = hasRole(request.principal.role, 'admin');
        return { subscriptions: repository.list(all ? null : ownerOf(request.principal)).map(view) };
      },
    );

    app.get(
      '/v1/subscriptions/:id',
      {
        config: { access: 'reader' },
        schema: {
          tags: ['freshness'],
          summary: '查看订阅 · One subscription',
          description:
            '本单位的一个订阅（管理员可看任何订阅）；其他单位的订阅答 404。 One of your organisation’s subscriptions (any, for admins); another organisation’s answers 404.',
          params: subscriptionParamsSchema,
          response: { 200: subscriptionSchema, ...problemResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => view(visible(request.params.id, request.principal)),
    );

    app.delete(
      '/v1/subscriptions/:id',
      {
        config: { access: 'reader' },
        schema: {
          tags: ['freshness'],
          summary: '删除订阅 · Delete a subscription',
          description:
            '停止通知并返回被删除的订阅；尚未发出的投递记为跳过。 Stops the notices and answers the subscription as it was; deliveries not yet sent are skipped.',
          params: subscriptionParamsSchema,
          response: { 200: subscriptionSchema, ...problemResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const found = visible(request.params.id, request.principal);
        await app.writes.run(() => repository.delete(found.id, request.principal.actor));
        // What was deleted, as it stood: the answer is the last time it is shown.
        return view(found);
      },
    );

    app.post(
      '/v1/subscriptions/:id/resume',
      {
        config: { access: 'reader' },
        schema: {
          tags: ['freshness'],
          summary: '恢复订阅 · Resume a paused subscription',
          description:
            '恢复因接收地址持续失败而暂停的订阅；暂停期间积压的通知按顺序补发。 Resumes a subscription paused after its endpoint kept failing; notices held meanwhile are sent, in order.',
          params: subscriptionParamsSchema,
          response: { 200: subscriptionSchema, ...problemResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const found = visible(request.params.id, request.principal);
        const resumed = await app.writes.run(() => repository.resume(found.id, request.principal.actor));
        subscriptions.dispatcher.kick();
        return view(resumed);
      },
    );

    app.get(
      '/v1/subscriptions/:id/deliveries',
      {
        config: { access: 'reader' },
        schema: {
          tags: ['freshness'],
          summary: '订阅的投递记录 · A subscription’s delivery log',
          description:
            '每条通知的状态、尝试次数和最后的错误，最早的在前，按游标分页。 Each notice with its status, attempts and last error, oldest first, paged by cursor.',
          params: subscriptionParamsSchema,
          querystring: deliveriesQuerySchema,
          response: { 200: deliveriesPageSchema, ...problemResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => {
        const found = visible(request.params.id, request.principal);
        const { cursor, limit } = request.query;
        const after = cursor === undefined ? 0 : deliveriesCursor.decode(cursor).after;
        const rows = repository.deliveries(found.id, after, limit + 1);
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return { deliveries: page, nextCursor: rows.length > limit && last ? deliveriesCursor.encode({ after: last.id }) : null };
      },
    );
  };
}
