import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, MISSING_GD, missLookup, multipart, pdfBytes, RESOLVE_FORM, tempDir } from './fixtures.ts';

let ctx: TestContext;
let keys: Keys;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-11-25T04:00:00Z');
  ctx = await buildTestApp({
    now: () => clock,
    config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0, claimTimeoutMinutes: 30 },
  });
  keys = createKeys(ctx.services);
});
afterEach(() => ctx.close());

async function openTicket(number = MISSING_GD): Promise<number> {
  return (await missLookup(ctx.app, number)).body.ticket.id as number;
}

function act(id: number, action: string, key: string, payload?: unknown) {
  return ctx.app.inject({ method: 'POST', url: `/v1/tickets/${id}/${action}`, headers: bearer(key), ...(payload ? { payload } : {}) });
}

async function attachPdf(id: number, key = keys.technician) {
  const { payload, headers } = multipart(pdfBytes(), '注册证.pdf', 'application/pdf');
  return ctx.app.inject({ method: 'POST', url: `/v1/tickets/${id}/attachments`, payload, headers: { ...headers, ...bearer(key) } });
}

describe('claiming', () => {
  it('open → claimed by one technician; another technician gets 409', async () => {
    const id = await openTicket();
    const claimed = await act(id, 'claim', keys.technician);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ status: 'claimed', claim: { name: '技术员张三', expiresAt: '2026-11-25T04:30:00.000Z' } });
    const other = await act(id, 'claim', keys.technician2);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'ticket_claimed_by_other', claimedBy: '技术员张三' });
    expect(other.json().message.zh).toContain('技术员张三');
  });

  it('re-claiming one’s own ticket renews the claim', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    clock = new Date('2026-11-25T04:20:00Z');
    const renewed = await act(id, 'claim', keys.technician);
    expect(renewed.json().claim.expiresAt).toBe('2026-11-25T04:50:00.000Z');
  });

  it('release puts it back in the queue; releasing an open ticket is a 409', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    const byOther = await act(id, 'release', keys.technician2);
    expect(byOther.json().code).toBe('ticket_claimed_by_other');
    const released = await act(id, 'release', keys.technician);
    expect(released.json()).toMatchObject({ status: 'open', claim: null });
    const again = await act(id, 'release', keys.technician);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ticket_not_claimed');
  });

  it('an admin may release anyone’s claim', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    expect((await act(id, 'release', keys.admin)).json().status).toBe('open');
  });

  it('a claim lapses after CLAIM_TIMEOUT_MINUTES and another technician may take it', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    clock = new Date('2026-11-25T04:31:00Z');
    const queue = await ctx.app.inject({ url: '/v1/tickets?status=open', headers: bearer(keys.technician2) });
    expect(queue.json().tickets.map((t: { id: number }) => t.id)).toEqual([id]);
    const taken = await act(id, 'claim', keys.technician2);
    expect(taken.json()).toMatchObject({ status: 'claimed', claim: { name: '技术员李四' } });
    const history = ctx.services.changeLog.list({ entity: 'ticket', entityId: String(id), limit: 10 }).map((e) => [e.action, e.actor]);
    expect(history).toEqual([
      ['opened', 'requester:ip:127.0.0.1'],
      ['claimed', expect.stringMatching(/^key:/)],
      ['claim_expired', 'system'],
      ['claimed', expect.stringMatching(/^key:/)],
    ]);
  });
});

describe('resolving', () => {
  it('stores the entered data as a correction version; the auto-fill then answers 200', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    expect((await attachPdf(id)).statusCode).toBe(201);
    const resolved = await act(id, 'resolve', keys.technician, RESOLVE_FORM);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: { kind: 'corrected', name: '技术员张三' } });
    const versionId = resolved.json().resolution.versionId;
    expect(versionId).toEqual(expect.any(Number));

    const autofill = await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(MISSING_GD)}` });
    expect(autofill.statusCode).toBe(200);
    expect(autofill.json()).toMatchObject({
      number: MISSING_GD,
      productName: '医用电子体温计',
      holder: '广州某医疗器械有限公司',
      approvalDate: '2023-03-15',
      effectiveDate: '2023-03-15',
      effectiveDateSource: 'approval_date_rule',
      expiryDate: '2028-03-14',
      basedOn: { versionId, source: 'correction', sourceRef: `/v1/tickets/${id}` },
    });

    const audit = ctx.services.changeLog.list({ entity: 'ticket', entityId: String(id), limit: 10 });
    const entry = audit.find((e) => e.action === 'resolved')!;
    expect(entry.after).toMatchObject({
      status: 'resolved',
      technician: '技术员张三',
      versionId,
      evidence: [expect.objectContaining({ fileName: '注册证.pdf' })],
    });
    const certificateEntry = ctx.services.changeLog.list({ entity: 'certificate', entityId: MISSING_GD, limit: 10 });
    expect(certificateEntry).toHaveLength(1);
    expect(certificateEntry[0]!.actor).toBe(entry.actor);
  });

  it('refuses data that would not pass as an import row, naming the fields', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    await attachPdf(id);
    const response = await act(id, 'resolve', keys.technician, { ...RESOLVE_FORM, approvalDate: '2023-02-30', expiryDate: '' });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('resolution_invalid');
    expect(body.issues.map((i: { field: string }) => i.field)).toContain('approvalDate');
    const order = await act(id, 'resolve', keys.technician, { ...RESOLVE_FORM, expiryDate: '2022-01-01' });
    expect(order.json().issues[0]).toMatchObject({ field: 'expiryDate', reason: 'expiry_before_approval' });
    const noExpiry = await act(id, 'resolve', keys.technician, { ...RESOLVE_FORM, expiryDate: null });
    expect(noExpiry.json().issues[0]).toMatchObject({ field: 'expiryDate', reason: 'missing_value' });
    const { ref } = ctx.services.tickets.repository.get(id)!;
    expect((await ctx.app.inject({ url: `/v1/tickets/${ref}` })).json().status).toBe('claimed');
  });

  it('refuses letters typed for digits with the engine’s diagnosis, and stores nothing', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    await attachPdf(id);
    const response = await act(id, 'resolve', keys.technician, { ...RESOLVE_FORM, number: '粤械注准2O232070123' });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('resolution_invalid');
    expect(body.issues).toEqual([
      expect.objectContaining({ field: 'number', reason: 'number_letter_for_digit', suggestions: [MISSING_GD] }),
    ]);
    expect(body.issues[0].message.zh).toContain('字母');
    expect((await ctx.app.inject({ url: `/v1/tickets/${id}`, headers: bearer(keys.technician) })).json().status).toBe('claimed');
    expect(ctx.services.changeLog.list({ entity: 'certificate', entityId: MISSING_GD, limit: 10 })).toEqual([]);
  });

  it('refuses another number: a typo is rejected, not added', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    await attachPdf(id);
    const response = await act(id, 'resolve', keys.technician, { ...RESOLVE_FORM, number: '粤械注准20232070124' });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('number_mismatch');
  });

  it('needs evidence', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    const response = await act(id, 'resolve', keys.technician, RESOLVE_FORM);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('evidence_required');
  });

  it('illegal transitions are 409s with a code', async () => {
    const id = await openTicket();
    const unclaimed = await act(id, 'resolve', keys.technician, RESOLVE_FORM);
    expect(unclaimed.statusCode).toBe(409);
    expect(unclaimed.json().code).toBe('ticket_not_claimed');
    await act(id, 'claim', keys.technician);
    await attachPdf(id);
    const byOther = await act(id, 'resolve', keys.technician2, RESOLVE_FORM);
    expect(byOther.json().code).toBe('ticket_claimed_by_other');
    await act(id, 'resolve', keys.technician, RESOLVE_FORM);
    for (const action of ['claim', 'release', 'reject']) {
      const response = await act(id, action, keys.technician, action === 'reject' ? { reason: 'no_such_certificate' } : undefined);
      expect(response.statusCode, action).toBe(409);
      expect(response.json().code, action).toBe('ticket_closed');
    }
    const missing = await act(999_999, 'claim', keys.technician);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ticket_not_found');
  });
});

describe('rejecting', () => {
  it('a typo keeps the right number, and later lookups of the typo are told it', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    const rejected = await act(id, 'reject', keys.technician, { reason: 'typo', correctNumber: '粤械注准 20232070132' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejection: { reason: 'typo', correctNumber: '粤械注准20232070132' } });
    const later = await missLookup(ctx.app);
    expect(later.body.ticket).toMatchObject({
      id,
      status: 'rejected',
      requestCount: 2,
      rejection: { reason: 'typo', correctNumber: '粤械注准20232070132' },
    });
  });

  it('a typo rejection stays the auto-fill answer, single and batch, pointing at the right number', async () => {
    const right = '粤械注准20232070456';
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    expect((await act(id, 'reject', keys.technician, { reason: 'typo', correctNumber: right })).statusCode).toBe(200);

    const single = await missLookup(ctx.app);
    expect(single.status).toBe(404);
    expect(single.body).toMatchObject({ code: 'certificate_not_found', correctNumber: right, suggestions: [] });
    expect(single.body.message.zh).toContain(`正确证号为 ${right}`);
    expect(single.body.message.en).toContain(right);

    // Once the right number is held, it leads the suggestions, single and batch alike.
    storeDocuments(ctx.services, [
      { number: right, documentType: 'registration', approvalDate: '2023-03-15', expiryDate: '2028-03-14', productName: '医用电子体温计' },
    ]);
    const again = await missLookup(ctx.app);
    expect(again.body).toMatchObject({ correctNumber: right, suggestions: [{ number: right, known: true }] });
    const batch = await ctx.app.inject({ method: 'POST', url: '/v1/autofill/batch', payload: { numbers: [MISSING_GD] } });
    expect(batch.json().results[0]).toMatchObject({
      outcome: 'not_found',
      problem: { code: 'certificate_not_found', correctNumber: right, suggestions: [{ number: right, known: true }] },
    });
    expect(batch.json().results[0].problem.message.zh).toContain(`正确证号为 ${right}`);
  });

  it('no_such_certificate closes the ticket; a later lookup opens a new one', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    expect((await act(id, 'reject', keys.technician, { reason: 'no_such_certificate', note: '查无此证' })).json().rejection).toMatchObject({
      reason: 'no_such_certificate',
      note: '查无此证',
    });
    const later = await missLookup(ctx.app);
    expect(later.body.ticket.id).not.toBe(id);
    expect(later.body.ticket).toMatchObject({ status: 'open', opened: true });
  });

  it('validates the reason’s companions', async () => {
    const id = await openTicket();
    await act(id, 'claim', keys.technician);
    expect((await act(id, 'reject', keys.technician, { reason: 'typo' })).statusCode).toBe(400);
    expect((await act(id, 'reject', keys.technician, { reason: 'other' })).statusCode).toBe(400);
    expect((await act(id, 'reject', keys.technician, { reason: 'whatever' })).statusCode).toBe(400);
    const same = await act(id, 'reject', keys.technician, { reason: 'typo', correctNumber: MISSING_GD });
    expect(same.statusCode).toBe(422);
    expect(same.json().code).toBe('correct_number_invalid');
    const bad = await act(id, 'reject', keys.technician, { reason: 'typo', correctNumber: '粤械注准2023207' });
    expect(bad.json().code).toBe('correct_number_invalid');
    const other = await act(id, 'reject', keys.technician, { reason: 'other', note: '证书已注销' });
    expect(other.json().rejection).toMatchObject({ reason: 'other', note: '证书已注销' });
  });
});
