// @vitest-environment jsdom
// The tracker of one action after finalize: only the next steps are offered,
// closing asks who verified, a refusal is shown in words, and a file the
// site sent goes with its source and date received.
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActionTracker } from '../../../renderer/src/followup/ActionTracker';
import type { ActionTrack } from '../../../shared/domain/followup';
import { AUDIT_ID, fail, ok, renderWith, scriptedTransport } from './fixtures';

const ACTION = '0193a0f0-0000-7000-8000-0000000000c1';
const track = (over: Partial<ActionTrack> = {}): ActionTrack => ({
  actionId: ACTION, auditId: AUDIT_ID, findingId: '0193a0f0-0000-7000-8000-00000000f001', status: 'submitted', statusDate: '2026-11-20',
  note: '', verifiedBy: '', updatedAt: '', evidence: [], history: [], ...over,
});

describe('action tracker', () => {
  it('offers only the next steps, asks who verified before closing, and shows a refusal in words', async () => {
    const { transport, calls } = scriptedTransport((_op, input, n) => (n === 1
      ? fail('invalid_input', 'The date cannot be in the future.', [{ path: 'date', message: 'in the future' }])
      : ok(track({ status: 'closed', statusDate: (input as { date: string }).date, verifiedBy: 'Ana Reyes' }))));
    const onChange = vi.fn();
    renderWith(transport, <ActionTracker track={track()} onChange={onChange} />);
    const user = userEvent.setup();
    const next = screen.getByLabelText('Next status') as HTMLSelectElement;
    expect([...next.options].map((o) => o.value)).toEqual(['closed', 'not_closed', 'in_progress']);
    expect(screen.getByLabelText('Verified by')).toBeTruthy();
    await user.type(screen.getByLabelText('Verified by'), 'Ana Reyes');
    await user.click(screen.getByRole('button', { name: 'Record status' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('date: in the future'));
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Record status' }));
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(calls[1]).toEqual({ op: 'followup.updateAction', input: expect.objectContaining({ actionId: ACTION, status: 'closed', verifiedBy: 'Ana Reyes' }) });
    await user.selectOptions(next, 'in_progress');
    expect(screen.queryByLabelText('Verified by')).toBeNull();
  });

  it('sends a file the site sent with its source, date received and description', async () => {
    const { transport, calls } = scriptedTransport(() => ok(track()));
    renderWith(transport, <ActionTracker track={track()} onChange={vi.fn()} />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Add closure evidence'));
    await user.upload(screen.getByLabelText('File'), new File(['%PDF-1.4 log'], 'log.pdf', { type: 'application/pdf' }));
    await user.clear(screen.getByLabelText('Date received'));
    await user.type(screen.getByLabelText('Date received'), '2026-11-25');
    await user.type(screen.getByLabelText('Description'), 'Emailed by HR');
    await user.click(screen.getByRole('button', { name: 'Add the file' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ op: 'followup.addEvidence', input: {
      actionId: ACTION, name: 'log.pdf', mediaType: 'application/pdf', data: Buffer.from('%PDF-1.4 log').toString('base64'), source: 'site_sent', receivedAt: '2026-11-25', description: 'Emailed by HR',
    } });
  });

  it('offers no step once closed', () => {
    const { transport } = scriptedTransport(() => ok(track()));
    renderWith(transport, <ActionTracker track={track({ status: 'closed', verifiedBy: 'Ana Reyes' })} onChange={vi.fn()} />);
    expect(screen.queryByLabelText('Next status')).toBeNull();
    expect(screen.getByText(/a later audit raises a new finding/)).toBeTruthy();
  });
});
