// @vitest-environment jsdom
// The hand-overs of an audit on HQ's audit view, through the real dispatch
// and HQ store: none at first (the empty state); handed over twice from the
// page's own form, both are listed newest first with who, when (Intl, the UI
// language) and why; a refused hand-over leaves the list as it was; the
// Auditors page shows each auditor's hand-overs in and out.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { AuditView } from '../../../../renderer/src/hq/AuditView';
import { AuditorsScreen } from '../../../../renderer/src/hq/AuditorsScreen';
import { AUDITORS_PAGE_HANDOVERS } from '../../../../renderer/src/hq/HandoverHistory';
import { makeFormat } from '../../../../renderer/src/hq/format';
import { createDispatch } from '../../../../electron/handlers/dispatch';
import { handlers } from '../../../../electron/handlers/index';
import type { Laptop } from '../../../integration/bundle/laptop';
import { fingerprintOf as fp, handoverHq, type HandoverHq } from './handover-fixture';

let fx: HandoverHq;
let laptops: Laptop[];
let core: HandoverHq['core'];
let hq: HandoverHq['hq'];
let auditId: string;
const when = (reason: string) => makeFormat('en').dateTime((hq.db.prepare('SELECT at FROM handovers WHERE reason = ? LIMIT 1').get(reason) as { at: string }).at);

beforeAll(async () => {
  fx = await handoverHq('fs-handover-history-');
  ({ laptops, core, hq, auditId } = fx);
}, 120_000);
afterAll(() => fx.close());

const view = () => render(<ClientProvider transport={createDispatch(handlers, core)}><AuditView auditId={auditId} /></ClientProvider>);
const entries = async () => within(await screen.findByRole('list', { name: 'Hand-overs of this audit, newest first' }, { timeout: 10_000 })).getAllByRole('listitem').map((li) => li.textContent);

async function handOverTo(name: string, reason: string): Promise<void> {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Hand over to…' }));
  const form = await screen.findByRole('form', { name: 'Hand this audit over' });
  const select = within(form).getByLabelText('Receiving auditor');
  const option = within(select).getAllByRole('option').find((o) => o.textContent?.startsWith(name))!;
  await user.selectOptions(select, option);
  await user.type(within(form).getByLabelText('Reason'), reason);
  await user.click(within(form).getByRole('button', { name: 'Hand over…' }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Hand over' }));
}

test('no hand-over yet: the audit view says so', async () => {
  view();
  expect(await screen.findByText('This audit was never handed over: it belongs to the auditor whose laptop first sent it.', {}, { timeout: 10_000 })).toBeInTheDocument();
  expect(screen.queryByRole('list', { name: 'Hand-overs of this audit, newest first' })).toBeNull();
  cleanup();
}, 30_000);

test('handed over twice: both are listed newest first; a refused hand-over changes nothing', async () => {
  view();
  await handOverTo('Ben Okafor', 'Asha moved to another region');
  await waitFor(async () => expect(await entries()).toHaveLength(1), { timeout: 10_000 });
  await handOverTo('Carl Mendes', 'Ben is on leave until March');
  await waitFor(async () => expect(await entries()).toHaveLength(2), { timeout: 10_000 });
  const both = [
    `Handed over from Ben Okafor (AUD-002) to Carl Mendes (AUD-003) on ${when('Ben is on leave until March')}: Ben is on leave until March`,
    `Handed over from Asha Rao (AUD-001) to Ben Okafor (AUD-002) on ${when('Asha moved to another region')}: Asha moved to another region`,
  ];
  expect(await entries()).toEqual(both);
  expect(screen.queryByText(/never handed over/)).toBeNull();
  cleanup();

  // Carl owns it: handing it to Carl again is refused, and the list read afresh is the same.
  const refused = await createDispatch(handlers, core)('hq.handover', { auditId, toFingerprint: fp(laptops[2]!), reason: 'again' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect(hq.db.prepare('SELECT count(*) AS n FROM handovers').get()).toEqual({ n: 2 });
  view();
  expect(await entries()).toEqual(both);
  cleanup();
}, 60_000);

test('the Auditors page shows each auditor\'s hand-overs in and out', async () => {
  render(<ClientProvider transport={createDispatch(handlers, core)}><AuditorsScreen /></ClientProvider>);
  const ben = await screen.findByRole('list', { name: 'Hand-overs to and from Ben Okafor, newest first' }, { timeout: 10_000 });
  expect(within(ben).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    expect.stringMatching(/ · handed over to Carl Mendes \(AUD-003\) on .+: Ben is on leave until March$/),
    expect.stringMatching(/ · received from Asha Rao \(AUD-001\) on .+: Asha moved to another region$/),
  ]);
  const asha = screen.getByRole('list', { name: 'Hand-overs to and from Asha Rao, newest first' });
  expect(within(asha).getAllByRole('listitem')).toHaveLength(1);
  expect(screen.queryByText(/newest hand-overs are shown/)).toBeNull();
  cleanup();
}, 30_000);

test('the Auditors page says when it shows only the newest hand-overs', async () => {
  // Enough older records (made in the table: the page only reads them) to pass the page's limit.
  const insert = hq.db.prepare('INSERT INTO handovers (audit_id, from_fingerprint, to_fingerprint, at, reason) VALUES (?, ?, ?, ?, ?)');
  hq.db.transaction(() => {
    for (let i = 0; i < AUDITORS_PAGE_HANDOVERS; i++) insert.run(auditId, fp(laptops[0]!), fp(laptops[1]!), `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`, `Older hand-over ${i}`);
  }).immediate();
  render(<ClientProvider transport={createDispatch(handlers, core)}><AuditorsScreen /></ClientProvider>);
  expect(await screen.findByText('Only the 1,000 newest hand-overs are shown on this page; each audit’s page lists all of its own.', {}, { timeout: 10_000 })).toBeInTheDocument();
  // The newest are the ones shown: Ben's hand-over to Carl is still first.
  const ben = screen.getByRole('list', { name: 'Hand-overs to and from Ben Okafor, newest first' });
  expect(within(ben).getAllByRole('listitem')[0]!.textContent).toMatch(/handed over to Carl Mendes \(AUD-003\).+Ben is on leave until March$/);
  cleanup();
}, 30_000);
