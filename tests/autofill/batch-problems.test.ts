import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(() => ctx.close());

const single = async (number: string) => (await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(number)}` })).json();
const batch = async (numbers: string[]) =>
  (await ctx.app.inject({ method: 'POST', url: '/v1/autofill/batch', payload: { numbers } })).json().results;

describe('a batch item that is not found or invalid', () => {
  it.each([
    ['invalid, with its reason', '粤械注准2023'],
    ['invalid, without its authority', '20202140123'],
    ['not found outside Guangdong, with manual entry allowed', '国械注准20233070456'],
  ])('%s: carries the very problem the single route answers with', async (_case, number) => {
    const [item] = await batch([number]);
    expect(item.problem).toEqual(await single(number));
  });

  it('not found in Guangdong: carries the same problem and the same ticket as the single route', async () => {
    const number = '粤械注准20232070123';
    const [item] = await batch([number]);
    const answer = await single(number);
    // Only the ticket's counters move between the two calls: the second asked too.
    const { ticket: itemTicket, ...itemRest } = item.problem;
    const { ticket: answerTicket, ...answerRest } = answer;
    expect(itemRest).toEqual(answerRest);
    expect(itemTicket).toMatchObject({ id: answerTicket.id, opened: true, href: answerTicket.href });
    expect(answerTicket.opened).toBe(false);
  });

  it('several numbers in one item: asks for one number per item, not for the batch route', async () => {
    const [item] = await batch(['粤械注准20232070123 国械注准20233070456']);
    expect(item.outcome).toBe('multiple');
    expect(item.problem).toMatchObject({ code: 'multiple_numbers', status: 422, numbers: ['粤械注准20232070123', '国械注准20233070456'] });
    expect(item.problem.message.zh).toContain('单独的一项');
    expect(item.problem.message.zh).not.toContain('批量接口');
    expect(item.problem.message.en).not.toContain('batch route');
  });
});
