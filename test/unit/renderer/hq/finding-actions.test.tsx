// @vitest-environment jsdom
// The tracker's finding row names every action of the finding with where it
// stands now: how many are closed, each action's status (with who verified
// when it was verified after finalize), its due date, or that it is a
// collaborative action with no fixed closing date, and which are overdue.
import { describe, expect, test } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { FindingActions } from '../../../../renderer/src/hq/FindingActions';
import type { HqFindingAction } from '../../../../shared/domain/hq-cycle';

const ACTIONS: HqFindingAction[] = [
  { actionId: 'a1', action: 'Clear the exit', owner: 'Facilities', dueDate: '2026-01-10', status: 'closed', overdue: false,
    closure: { status: 'closed', date: '2026-02-01', verifiedBy: 'Ana Reyes', evidenceCount: 2, followUpId: null } },
  { actionId: 'a2', action: 'Post a daily check', owner: 'Facilities', dueDate: '2026-01-20', status: 'open', overdue: true, closure: null },
  { actionId: 'a3', action: 'Agree a shuttle with the park', owner: 'HR', dueDate: '', status: 'in_progress', overdue: false, closure: null },
];

describe('FindingActions', () => {
  test('n of m closed, and each action with its status, due date and overdue flag', () => {
    render(<FindingActions actions={ACTIONS} />);
    expect(screen.getByText('1 of 3 actions closed')).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Corrective actions of this finding' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Clear the exit — Closed · verified by Ana Reyes on Feb 1, 2026 · 2 pieces of evidence · due Jan 10, 2026',
      'Post a daily check — Open · due Jan 20, 2026 overdue',
      'Agree a shuttle with the park — In progress · collaborative action, no fixed closing date',
    ]);
  });

  test('one action: the count reads in the singular', () => {
    render(<FindingActions actions={[ACTIONS[1]!]} />);
    expect(screen.getByText('0 of 1 action closed')).toBeTruthy();
  });
});
