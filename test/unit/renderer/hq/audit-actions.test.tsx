// @vitest-environment jsdom
// HQ's read-only plan of an audit: each corrective action with where it
// stands now when something happened to it after finalize, the overdue flag
// as the core sets it, and a collaborative action shown as such (its
// progress review date, no closing date).
import { describe, expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AuditRecords } from '../../../../renderer/src/hq/AuditRecords';
import type { HqAuditDetail } from '../../../../shared/domain/hq';

const action = (id: string, more: Partial<HqAuditDetail['actions'][number]>): HqAuditDetail['actions'][number] => ({
  id, findingId: 'f1', action: `Action ${id}`, owner: 'HR manager', dueDate: '2026-01-10', status: 'open', verification: '', rootCause: '', preventiveAction: '',
  timescale: '', verificationMethod: '', siteAcceptance: 'pending', collaborative: false, reviewDate: '', overdue: false, ...more,
});

const detail = {
  header: { site: { timeZone: 'Asia/Manila' } },
  findings: [], answers: [], notes: [], documents: [], signatures: [],
  interviews: { total: 0, individual: 0, group: 0, withConsent: 0, themes: [], excerpts: [] },
  actions: [
    action('a1', {}),
    action('a2', { overdue: true }),
    action('a3', { dueDate: '', collaborative: true, reviewDate: '2026-12-15' }),
  ],
  cycle: {
    followUpOf: null, followUps: [],
    actions: [{ actionId: 'a1', closure: { status: 'closed', date: '2026-02-01', verifiedBy: 'Ana Reyes', evidenceCount: 0, followUpId: null }, history: [], evidence: [] }],
  },
} as unknown as HqAuditDetail;

describe('AuditRecords: the corrective actions', () => {
  test('status now, overdue flag, and a collaborative action with its review date', () => {
    render(<AuditRecords a={detail} answer={() => ''} />);
    const rows = within(screen.getByRole('table', { name: '3 corrective actions' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-overdue'))).toEqual(['false', 'true', 'false']);
    expect(within(rows[0]!).getByTestId('action-now').textContent).toBe('Now: Closed');
    expect(within(rows[1]!).queryByTestId('action-now')).toBeNull();
    expect(within(rows[1]!).getByText('overdue')).toBeTruthy();
    expect(within(rows[2]!).getByTestId('collaborative').textContent).toBe('Collaborative action required: progress reviewed on Dec 15, 2026');
  });
});
