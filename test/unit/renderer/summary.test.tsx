// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Summary } from '../../../renderer/src/summary/Summary';
import type { ScoreResult } from '../../../shared/domain/score';
import { auditData, fail, ok, renderWith, scriptedTransport } from './fixtures';

const counts = { critical: 0, major: 1, minor: 0 };
const score = (blockers: ScoreResult['blockers'], zeroTolerance = false): ScoreResult => ({
  percent: 75, band: { band: 'C', color: '#d4a017', min: 70 }, zeroTolerance, counts, answered: 2, total: 5,
  sections: [
    { sectionId: 'one', title: 'Section one', percent: 50, answered: 2, total: 2, compliant: 1, nonCompliant: 1, findings: 1, counts },
    { sectionId: 'two', title: 'Section two', percent: null, answered: 0, total: 3, compliant: 0, nonCompliant: 0, findings: 0, counts: { critical: 0, major: 0, minor: 0 } },
  ],
  blockers,
});

describe('summary and finalize', () => {
  it('names what is missing instead of finalizing', async () => {
    const blockers: ScoreResult['blockers'] = [
      { itemId: 'two.hours', sectionId: 'two', reason: 'unanswered', message: '' },
      { itemId: 'two.wage', sectionId: 'two', reason: 'unanswered', message: '' },
      { itemId: 'one.b', sectionId: 'one', reason: 'missing_note', message: '' },
    ];
    const { transport, calls } = scriptedTransport((op) => (op === 'audits.score' ? ok(score(blockers, true)) : op.endsWith('.list') ? ok([]) : ok(null)));
    renderWith(transport, <Summary data={auditData()} onChanged={vi.fn()} />);
    expect(await screen.findByText(/Zero-tolerance finding\./)).toBeInTheDocument();
    expect(screen.getByText('C')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1.2 Second question: note missing' })).toHaveAttribute('href', expect.stringContaining('/item/one.b'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Finalize audit…' }));
    const dialog = await screen.findByRole('dialog', { name: 'This audit cannot be finalized yet' });
    await waitFor(() => expect(within(dialog).getByText(/2 required items are not answered: Section two \(2\)/)).toBeInTheDocument());
    expect(within(dialog).getByText('1.2 Second question: note missing')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Finalize and lock' })).toBeNull();
    expect(calls.some((c) => c.op === 'audits.finalize')).toBe(false);
  });

  it('finalizes after confirmation, and shows the core refusal in words', async () => {
    let refuse = true;
    const { transport, calls } = scriptedTransport((op) => {
      if (op === 'audits.score') return ok(score([]));
      if (op === 'audits.finalize' && refuse) return fail('locked', 'The audit is already finalized.');
      return op.endsWith('.list') ? ok([]) : ok(null);
    });
    const onChanged = vi.fn();
    renderWith(transport, <Summary data={auditData()} onChanged={onChanged} />);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'No item blocks finalizing' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Finalize audit…' }));
    await user.click(await screen.findByRole('button', { name: 'Finalize and lock' }));
    expect(await screen.findByText(/Reopen it as a new revision to make changes/)).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Finalize audit…' }));
    await user.click(await screen.findByRole('button', { name: 'Finalize and lock' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c.op === 'audits.finalize')).toHaveLength(2);
  });
});
