// A core in a fresh temporary data folder, with a fixture template, a site
// and an audit, for tests that need a working store quickly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../../../electron/core/core';
import { passphraseBox } from '../../../../electron/core/keys/secret-box';
import { createDispatch, type Dispatch } from '../../../../electron/handlers/dispatch';
import { handlers } from '../../../../electron/handlers/index';
import { AppError } from '../../../../shared/errors';
import { createClient, type Client } from '../../../../shared/contract/client';
import { fixtureJson, type FixtureOptions } from './template-fixture';

export const PASSPHRASE = 'correct horse battery staple';

export interface TestCore {
  core: Core;
  dir: string;
  dispatch: Dispatch;
  call: Client['call'];
  cleanup(): void;
}

export function tempDir(prefix = 'fairsite-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function testCore(dir = tempDir(), opts: { assetsDir?: string } = {}): Promise<TestCore> {
  // An empty assets folder keeps tests independent of the shipped templates unless asked for.
  const core = await openCore({ dataDir: join(dir, 'data'), secretBox: passphraseBox(PASSPHRASE), assetsDir: opts.assetsDir ?? join(dir, 'no-assets') });
  const dispatch = createDispatch(handlers, core, (op, err) => console.error(op, err));
  const { call } = createClient((op, input) => dispatch(op, input));
  return { core, dir, dispatch, call, cleanup: () => { core.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export const SITE_INPUT = {
  name: 'Test Site', clients: ['Client A'], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour' as const, minWage: 67.5, overtimeRate: 1.25 },
};

export async function seedAudit(t: TestCore, fixture?: FixtureOptions) {
  const template = await t.call('templates.import', { json: fixtureJson(fixture) });
  const site = await t.call('sites.create', SITE_INPUT);
  const audit = await t.call('audits.create', { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' });
  return { template, site, audit };
}

/** The AppError a call was rejected with (fails the test if it was not). */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${e === null ? 'success' : String(e)}`);
  return e;
}

/** Acknowledges every consistency warning, e.g. photos stamped when the test runs rather than on the audit days. */
export async function acknowledgeWarnings(t: TestCore, auditId: string, note = 'Test photos are stamped when the test runs, not on the audit days.'): Promise<void> {
  for (const w of await t.call('consistency.list', { auditId })) await t.call('consistency.acknowledge', { auditId, key: w.key, acknowledged: true, note });
}

/**
 * Answers every item of the fixture template (two sections of five): one
 * critical non-compliance at s2.i3, the rest compliant; the wage sample pays
 * `paidOvertime` of the 4 overtime hours the hours sample records.
 */
export async function answerAll(t: TestCore, auditId: string, paidOvertime = 4): Promise<void> {
  const compliance = (answer: 'compliant' | 'non_compliant') => ({ kind: 'compliance' as const, answer });
  await t.call('responses.save', { auditId, itemId: 's1.i1', value: { kind: 'wage', rows: [{ worker: 'A', period: 'hour', basePay: 80, regularHours: 160, overtimeHours: paidOvertime, overtimePay: paidOvertime * 100 }] } });
  await t.call('responses.save', { auditId, itemId: 's1.i2', value: { kind: 'hours', rows: [{ worker: 'A', weekStart: '2026-11-02', contracted: 40, overtime: 4, daysWorked: 5, voluntary: true }] } });
  await t.call('responses.save', { auditId, itemId: 's1.i3', value: { kind: 'number', value: 70 } });
  await t.call('responses.save', { auditId, itemId: 's1.i4', value: { kind: 'choice', selected: ['yes'] } });
  await t.call('responses.save', { auditId, itemId: 's1.i5', value: compliance('compliant') });
  for (let i = 1; i <= 5; i++) await t.call('responses.save', { auditId, itemId: `s2.i${i}`, value: compliance(i === 3 ? 'non_compliant' : 'compliant'), note: i === 3 ? 'Fire exit blocked' : '', severity: i === 3 ? 'critical' : null });
}

