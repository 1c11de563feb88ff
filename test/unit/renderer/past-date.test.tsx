// @vitest-environment jsdom
// A corrective action due in the past is saved only when the auditor means
// it: the first save asks by the field, the second save of the same date goes.
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActionForm } from '../../../renderer/src/forms/ActionForm';
import { isPastDate, localToday } from '../../../renderer/src/forms/pastDate';
import { ok, renderWith, scriptedTransport } from './fixtures';

const FINDING_ID = '0193a0f0-0000-7000-8000-000000000002';

describe('a due date in the past', () => {
  it('is told apart from today and later on the local calendar', () => {
    expect(localToday(new Date(2026, 10, 30, 23, 59))).toBe('2026-11-30');
    expect(isPastDate('2026-11-29', '2026-11-30')).toBe(true);
    expect(isPastDate('2026-11-30', '2026-11-30')).toBe(false);
    expect(isPastDate('', '2026-11-30')).toBe(false);
  });

  it('asks by the field first, and saves on the second press', async () => {
    const { transport, calls } = scriptedTransport((_op, input) => ok({ ...(input as object), id: FINDING_ID, auditId: FINDING_ID, createdAt: '', updatedAt: '' }));
    const onSaved = vi.fn();
    renderWith(transport, <ActionForm findingId={FINDING_ID} onSaved={onSaved} onCancel={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Corrective action'), 'Unblock fire exit B');
    await user.type(screen.getByLabelText('Owner at the site'), 'Facilities');
    await user.type(screen.getByLabelText('Due date'), '2020-01-31');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    expect(await screen.findByText('The due date Jan 31, 2020 is in the past. Save again to keep it, or choose a later date.')).toBeInTheDocument();
    expect(screen.getByLabelText('Due date')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toMatchObject({ dueDate: '2020-01-31' });
  });
});
