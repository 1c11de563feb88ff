// @vitest-environment jsdom
// "Hand over to…" on an audit at headquarters, through the real dispatch and
// HQ store: only enrolled, unrevoked keys other than the owner's are offered;
// nothing can be sent without a receiving auditor and a reason; the move is
// asked in a dialog (cancelled: nothing changes); confirmed, the audit
// belongs to the chosen key, the reason is kept and the screen says so.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { HandOver } from '../../../../renderer/src/hq/HandOver';
import { createDispatch } from '../../../../electron/handlers/dispatch';
import { handlers } from '../../../../electron/handlers/index';
import type { Laptop } from '../../../integration/bundle/laptop';
import { fingerprintOf as fp, handoverHq, type HandoverHq } from './handover-fixture';

let fx: HandoverHq;
let laptops: Laptop[];
let core: HandoverHq['core'];
let hq: HandoverHq['hq'];
let auditId: string;

beforeAll(async () => {
  fx = await handoverHq('fs-handover-ui-', { revokeCarl: true });
  ({ laptops, core, hq, auditId } = fx);
}, 120_000);
afterAll(() => fx.close());

const ownerOf = (id: string) => (hq.db.prepare('SELECT fingerprint FROM audit_owners WHERE audit_id = ?').get(id) as { fingerprint: string }).fingerprint;

test('offers the other enrolled keys, asks first, and hands the audit over with its reason', async () => {
  const user = userEvent.setup();
  const done = vi.fn();
  const [asha, ben] = laptops as [Laptop, Laptop];
  render(<ClientProvider transport={createDispatch(handlers, core)}><HandOver auditId={auditId} siteName="Manila Call Centre" ownerFingerprint={fp(asha)} onDone={done} /></ClientProvider>);

  await user.click(screen.getByRole('button', { name: 'Hand over to…' }));
  const form = await screen.findByRole('form', { name: 'Hand this audit over' });
  const select = within(form).getByLabelText('Receiving auditor');
  // Not the owner's own key, not the revoked one.
  expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose an auditor', expect.stringMatching(/^Ben Okafor \(AUD-002\), key [0-9a-f ]+…$/)]);
  const submit = within(form).getByRole('button', { name: 'Hand over…' });
  expect(submit).toBeDisabled();
  await user.selectOptions(select, fp(ben));
  expect(submit).toBeDisabled();
  await user.type(within(form).getByLabelText('Reason'), 'Asha moved to another region');
  expect(submit).toBeEnabled();

  // Cancelled in the dialog: nothing changes.
  await user.click(submit);
  let dialog = await screen.findByRole('dialog', { name: 'Hand the audit of Manila Call Centre over to Ben Okafor?' });
  expect(dialog).toHaveTextContent('Reason: Asha moved to another region');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(ownerOf(auditId)).toBe(fp(asha));

  await user.click(submit);
  dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Hand over' }));
  expect(await screen.findByRole('status')).toHaveTextContent('The audit now belongs to Ben Okafor (AUD-002).');
  expect(done).toHaveBeenCalledTimes(1);
  expect(ownerOf(auditId)).toBe(fp(ben));
  expect(hq.db.prepare('SELECT from_fingerprint, to_fingerprint, reason FROM handovers WHERE audit_id = ?').all(auditId))
    .toEqual([{ from_fingerprint: fp(asha), to_fingerprint: fp(ben), reason: 'Asha moved to another region' }]);
});

test('a refusal from headquarters is shown and changes nothing', async () => {
  const user = userEvent.setup();
  const [asha, ben] = laptops as [Laptop, Laptop];
  // The screen still thinks Asha owns it; Ben already does: the core refuses.
  render(<ClientProvider transport={createDispatch(handlers, core)}><HandOver auditId={auditId} siteName="Manila Call Centre" ownerFingerprint={fp(asha)} onDone={() => {}} /></ClientProvider>);
  await user.click(screen.getByRole('button', { name: 'Hand over to…' }));
  await user.selectOptions(await screen.findByLabelText('Receiving auditor'), fp(ben));
  await user.type(screen.getByLabelText('Reason'), 'again');
  await user.click(screen.getByRole('button', { name: 'Hand over…' }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Hand over' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(/already belongs to that key; nothing was changed/);
  expect(hq.db.prepare('SELECT count(*) AS n FROM handovers').get()).toEqual({ n: 1 });
});
