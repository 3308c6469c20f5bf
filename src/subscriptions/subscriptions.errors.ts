import { defineError } from '../shared/app-error.ts';

/** Also what another organisation's subscription answers, so nobody learns which ids exist. */
export const subscriptionNotFound = defineError(404, 'subscription_not_found', (id: number) => ({
  text: { zh: `没有编号为 ${id} 的订阅。`, en: `No subscription ${id}.` },
}));

export const invalidSubscriptionPrefix = defineError(422, 'invalid_subscription_prefix', (prefix: string) => ({
  text: {
    zh: `证号前缀“${prefix}”无效：应以审批部门简称开头并含“械”，例如 粤械注准、国械注准、粤械备。`,
    en: `The number prefix "${prefix}" is invalid: it starts with an authority's abbreviation and contains 械, e.g. 粤械注准, 国械注准, 粤械备.`,
  },
  extra: { prefix },
}));

export const subscriptionCallbackRefused = defineError(422, 'subscription_callback_refused', (reason: string) => ({
  text:
    reason === 'callback_scheme_refused'
      ? { zh: '回调地址必须是 `http` 或 `https` 地址。', en: 'The callback URL must be an http or https URL.' }
      : {
          zh: '回调地址指向回环、私有或其他非公网地址，已拒绝。',
          en: 'The callback URL points at a loopback, private or other non-public address, and is refused.',
        },
  extra: { reason },
}));
