// Ill-formed UTF-16 (a lone surrogate: half an emoji) is refused at the
// contract for every text field with a clear message, and the event log
// hashes exactly the text it stores, so a chain never breaks on one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedAudit, testCore, type TestCore } from './helpers/core-fixture';
import { appendEvent, verifyChain } from '../../../electron/core/store/events';

let t: TestCore;
let ids: Awaited<ReturnType<typeof seedAudit>>;
beforeEach(async () => {
  t = await testCore();
  ids = await seedAudit(t);
});
afterEach(() => t.cleanup());

const HALF_EMOJI = 'Asha 😀'.slice(0, -1); // ends in a lone high surrogate
const LOW_ALONE = `x${'😀'.slice(1)}y`;

async function refused(op: string, input: unknown, path: string) {
  const env = await t.dispatch(op, input);
  expect(env.ok, op).toBe(false);
  if (env.ok) return;
  expect(env.error.code).toBe('invalid_input');
  expect(env.error.message).toBe(`Please check ${path}: contains a broken character (half of an emoji or symbol, often from a cut-off paste). Delete the last characters you pasted or typed and enter them again.`);
  expect(env.error.fields?.[0]?.path).toBe(path);
}

describe('lone surrogates at the contract', () => {
  it('refuses them in every kind of text field, and stores nothing', async () => {
    const events = () => (t.core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const before = events();
    await refused('profile.save', { name: HALF_EMOJI, organisation: 'QA', email: 'a@example.org', auditorId: 'AUD-1' }, 'name');
    await refused('sites.create', { name: 'Site', clients: ['Acme', LOW_ALONE], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour', minWage: 1, overtimeRate: 1.25 } }, 'clients[1]');
    await refused('responses.save', { auditId: ids.audit.id, itemId: 's1.i1', value: { kind: 'compliance', answer: 'non_compliant' }, note: HALF_EMOJI }, 'note');
    await refused('notes.save', { auditId: ids.audit.id, scope: 'audit', body: `Opening meeting ${LOW_ALONE}` }, 'body');
    expect(events()).toBe(before);
    expect(await t.call('profile.get', {})).toBeNull();
  });

  it('takes whole emoji and every script as they are, and the chain verifies', async () => {
    await t.call('responses.save', { auditId: ids.audit.id, itemId: 's1.i1', value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Blocked exit 😀 — 深圳 ศูนย์', severity: 'minor' });
    expect(verifyChain(t.core.db, ids.audit.id).ok).toBe(true);
  });
});

describe('the event hash', () => {
  it('covers the text as stored, even when ill-formed text reaches the log by another road', () => {
    t.core.db.transaction(() => {
      appendEvent(t.core.db, { auditId: ids.audit.id, actor: HALF_EMOJI, entity: 'note', entityId: 'n1', action: 'create', old: null, new: { body: LOW_ALONE } });
    }).immediate();
    appendEventAfter();
    expect(verifyChain(t.core.db, ids.audit.id)).toMatchObject({ ok: true });
    const row = t.core.db.prepare("SELECT actor FROM events WHERE entity_id = 'n1'").get() as { actor: string };
    expect(row.actor).toBe('Asha \uFFFD');
  });
});

/** A later, ordinary event: the chain must still verify through the one before it. */
function appendEventAfter() {
  t.core.db.transaction(() => {
    appendEvent(t.core.db, { auditId: ids.audit.id, actor: 'Asha', entity: 'note', entityId: 'n2', action: 'create', old: null, new: { body: 'fine' } });
  }).immediate();
}
