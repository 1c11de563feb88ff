// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Findings } from '../../../renderer/src/findings/Findings';
import type { CorrectiveAction, Finding } from '../../../shared/domain/finding';
import type { FollowUpView } from '../../../shared/domain/followup';
import { AUDIT_ID, auditData, ok, renderWith, scriptedTransport } from './fixtures';

const NOW = '2026-11-29T08:00:00.000Z';
const finding = (n: number, itemId: string, sectionId: string, severity: Finding['severity'], zeroTolerance = false): Finding => ({
  id: `0193a0f0-0000-7000-8000-00000000f00${n}`, auditId: AUDIT_ID, itemId, sectionId, severity, zeroTolerance,
  source: 'answer', summary: `Summary ${n}`, note: `Note ${n}`, createdAt: NOW, updatedAt: NOW,
});
const action: CorrectiveAction = {
  id: '0193a0f0-0000-7000-8000-0000000000c1', auditId: AUDIT_ID, findingId: finding(1, 'one.a', 'one', 'minor').id,
  action: 'Post the grievance policy', owner: 'HR', dueDate: '2027-01-15', status: 'open', verification: '',
  objectiveEvidence: '', rootCause: '', preventiveAction: '', timescale: '', verificationMethod: '', siteComments: '', siteAcceptance: 'pending', collaborative: false, reviewDate: '', createdAt: NOW, updatedAt: NOW,
};

function data(status: 'in_progress' | 'finalized' = 'in_progress') {
  const d = auditData({ status });
  d.detail.findings = [finding(1, 'one.a', 'one', 'minor'), finding(2, 'two.hours', 'two', 'critical'), finding(3, 'one.b', 'one', 'major', true)];
  d.detail.actions = [action];
  return d;
}

describe('findings and corrective actions', () => {
  it('lists zero tolerance first, then by severity, with section and actions', () => {
    const { transport } = scriptedTransport(() => ok(null));
    renderWith(transport, <Findings data={data()} />);
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('finding'));
    expect(items.map((li) => li.querySelector('.finding__title')?.textContent)).toEqual(['Second question', 'Hours sample', 'First question']);
    expect(items[0]).toHaveTextContent('Zero tolerance');
    expect(items[1]).toHaveTextContent('2.1 · Section two');
    expect(within(items[2]!).getByText('Post the grievance policy')).toBeInTheDocument();
  });

  it('deletes an action only after a second, explicit click', async () => {
    // The last audit of the site is read on opening (none here); only the delete writes.
    const { transport, calls: all } = scriptedTransport((op) => (op === 'followup.lastAudit' ? ok(null) : ok({ deleted: true })));
    const calls = { get writes() { return all.filter((c) => c.op !== 'followup.lastAudit'); } };
    renderWith(transport, <Findings data={data()} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(calls.writes).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.getByText('Post the grievance policy')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete this action' }));
    await waitFor(() => expect(screen.queryByText('Post the grievance policy')).toBeNull());
    expect(calls.writes).toEqual([{ op: 'actions.delete', input: { id: action.id } }]);
  });

  it('offers no editing on a finalized audit', () => {
    const { transport } = scriptedTransport(() => ok(null));
    renderWith(transport, <Findings data={data('finalized')} />);
    expect(screen.queryByRole('button', { name: 'Add corrective action' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.getByText('Finalized — read-only.')).toBeInTheDocument();
  });

  describe('a follow-up: the panel takes the audit and read-only from the audit frame', () => {
    const view = (status: FollowUpView['status']): FollowUpView => ({
      auditId: AUDIT_ID, mode: 'on_site', status,
      original: { id: '0193a0f0-0000-7000-8000-0000000000a0', revision: 1, startDate: '2026-10-01', endDate: '2026-10-02', contentHash: null, grade: null },
      items: [{
        findingId: finding(1, 'one.a', 'one', 'minor').id, itemId: 'one.a', sectionId: 'one', sectionTitle: 'Section one', prompt: 'Carried question',
        severity: 'minor', zeroTolerance: false, summary: 'Summary 1', note: '', actions: [], verification: '', verificationNote: '', evidence: '',
      }],
      newFindings: [], grade: null, unverified: 1,
    });
    const followUp = (status: 'in_progress' | 'finalized') => {
      const d = auditData({ status, kind: 'follow_up', followUpMode: 'on_site' });
      d.detail.findings = [];
      d.detail.actions = [];
      return d;
    };

    it('saves a verification for this audit', async () => {
      const { transport, calls } = scriptedTransport((op) => ok(op === 'followup.get' || op === 'followup.verify' ? view('in_progress') : null));
      renderWith(transport, <Findings data={followUp('in_progress')} />);
      await userEvent.setup().click(await screen.findByRole('button', { name: 'Save verification' }));
      await waitFor(() => expect(calls.filter((c) => c.op === 'followup.verify')).toHaveLength(1));
      expect(calls.find((c) => c.op === 'followup.verify')?.input).toMatchObject({ auditId: AUDIT_ID, findingId: finding(1, 'one.a', 'one', 'minor').id });
    });

    it('shows the verification without a form once finalized', async () => {
      const { transport } = scriptedTransport((op) => ok(op === 'followup.get' ? view('finalized') : []));
      renderWith(transport, <Findings data={followUp('finalized')} />);
      expect(await screen.findByText('Carried question')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Save verification' })).toBeNull();
    });
  });
});
