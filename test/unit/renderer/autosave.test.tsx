// @vitest-environment jsdom
// Autosave as the auditor sees it: the state next to the audit title, a
// failed save that keeps what was typed, Retry, and retry on the next change.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Walkthrough } from '../../../renderer/src/walkthrough/Walkthrough';
import { useRoute } from '../../../renderer/src/app/router';
import { auditData, fail, renderWith, savedResponse, saveTransport, type Call } from './fixtures';
import type { AuditData } from '../../../renderer/src/app/useAuditData';

function Routed({ data }: { data: AuditData }) {
  const r = useRoute();
  return <Walkthrough data={data} itemId={r.name === 'walk' ? r.itemId : null} />;
}

const saves = (calls: Call[]) => calls.filter((c) => c.op === 'responses.save').map((c) => c.input as Record<string, unknown>);
const saveState = () => document.querySelector('.save') as HTMLElement;
const activeCard = () => document.querySelector('li.card--active') as HTMLElement;

beforeEach(() => {
  window.history.replaceState(null, '', '#/audit/x/item/one.b');
  window.localStorage.clear();
});

describe('autosave', () => {
  it('debounces typing into one save and shows Saving… then Saved', async () => {
    const { transport, calls } = saveTransport(savedResponse);
    renderWith(transport, <Routed data={auditData()} />);
    expect(saveState()).toHaveTextContent('Saved');
    const user = userEvent.setup();
    await user.type(within(activeCard()).getByLabelText(/^Note/), 'Fire exit blocked');
    expect(saveState()).toHaveTextContent('Saving…');
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(saves(calls)).toHaveLength(1);
    expect(saves(calls)[0]).toMatchObject({ itemId: 'one.b', note: 'Fire exit blocked', value: null });
  });

  it('keeps the typed note when a save fails, and the next change saves it', async () => {
    let failNext = true;
    const { transport, calls } = saveTransport((input) => {
      if (failNext) { failNext = false; return fail('storage', 'The disk is full.'); }
      return savedResponse(input);
    });
    renderWith(transport, <Routed data={auditData()} />);
    const user = userEvent.setup();
    const note = within(activeCard()).getByLabelText(/^Note/);
    await user.click(within(activeCard()).getByRole('button', { name: /Non-compliant/ }));
    await waitFor(() => expect(saveState()).toHaveTextContent('Not saved'));
    expect(saveState()).toHaveTextContent('The disk is full.');
    await user.type(note, 'Two workers');
    // The next change goes out with the answer that failed, and succeeds.
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(note).toHaveValue('Two workers');
    const last = saves(calls).at(-1);
    expect(last).toMatchObject({ note: 'Two workers', value: { kind: 'compliance', answer: 'non_compliant' } });
  });

  it('Retry sends the latest state after a failure', async () => {
    let failing = true;
    const { transport, calls } = saveTransport((input) => (failing ? fail('storage', 'The disk is full.') : savedResponse(input)));
    renderWith(transport, <Routed data={auditData()} />);
    const user = userEvent.setup();
    const note = within(activeCard()).getByLabelText(/^Note/);
    await user.type(note, 'Blocked exit on floor 3');
    await waitFor(() => expect(saveState()).toHaveTextContent('Not saved'));
    expect(note).toHaveValue('Blocked exit on floor 3');
    const retry = within(saveState()).getByRole('button', { name: 'Retry' });
    await user.click(retry);
    await waitFor(() => expect(saveState()).toHaveTextContent('Not saved'));
    failing = false;
    await user.click(within(saveState()).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    const all = saves(calls);
    expect(all).toHaveLength(3);
    expect(all.every((s) => s.note === 'Blocked exit on floor 3')).toBe(true);
  });

  it('sends one save per item at a time, the newest state last', async () => {
    const pending: Array<() => void> = [];
    const { transport, calls } = saveTransport((input) => new Promise((resolve) => pending.push(() => resolve(savedResponse(input)))));
    renderWith(transport, <Routed data={auditData()} />);
    const user = userEvent.setup();
    await user.click(within(activeCard()).getByRole('button', { name: /Observation/ }));
    await user.click(within(activeCard()).getByRole('button', { name: /Good practice/ }));
    await user.click(within(activeCard()).getByRole('button', { name: /Compliant/ }));
    expect(saves(calls)).toHaveLength(1);
    await act(async () => { pending.shift()?.(); });
    await waitFor(() => expect(saves(calls)).toHaveLength(2));
    expect(saves(calls)[1]).toMatchObject({ value: { kind: 'compliance', answer: 'compliant' } });
    await act(async () => { pending.shift()?.(); });
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(saves(calls)).toHaveLength(2);
  });
});

describe('typing then answering', () => {
  it('saves the answer with every character of the note typed just before', async () => {
    const { transport, calls } = saveTransport(savedResponse);
    renderWith(transport, <Routed data={auditData()} />);
    const user = userEvent.setup({ delay: null });
    await user.type(within(activeCard()).getByLabelText(/^Note/), 'Locked exit');
    await user.click(within(activeCard()).getByRole('button', { name: /Non-compliant/ }));
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(saves(calls).at(-1)).toMatchObject({ note: 'Locked exit', value: { kind: 'compliance', answer: 'non_compliant' } });
    expect(within(activeCard()).getByLabelText(/^Note/)).toHaveValue('Locked exit');
  });
});

describe('unsaved answers across screens', () => {
  it('brings back a note whose save failed when the audit is opened again, and sends it', async () => {
    const first = saveTransport(() => fail('storage', 'The disk is full.'));
    const view = renderWith(first.transport, <Routed data={auditData()} />);
    const user = userEvent.setup();
    await user.type(within(activeCard()).getByLabelText(/^Note/), 'Exit locked');
    await waitFor(() => expect(saveState()).toHaveTextContent('Not saved'));
    view.unmount();

    const second = saveTransport(savedResponse);
    renderWith(second.transport, <Routed data={auditData()} />);
    expect(within(activeCard()).getByLabelText(/^Note/)).toHaveValue('Exit locked');
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(saves(second.calls)).toEqual([expect.objectContaining({ itemId: 'one.b', note: 'Exit locked' })]);
    expect(window.localStorage.length).toBe(0);
  });
});

describe('keyboard', () => {
  it('moves with j and k, answers with number keys, and leaves typing alone', async () => {
    const { transport, calls } = saveTransport(savedResponse);
    renderWith(transport, <Routed data={auditData()} />);
    const user = userEvent.setup();
    await user.keyboard('k');
    expect(activeCard()).toHaveAttribute('data-item-id', 'one.a');
    await user.keyboard('2');
    expect(within(activeCard()).getByRole('button', { name: /Non-compliant/ })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('n');
    expect(within(activeCard()).getByLabelText(/^Note/)).toHaveFocus();
    await user.keyboard('j1');
    expect(activeCard()).toHaveAttribute('data-item-id', 'one.a');
    expect(within(activeCard()).getByLabelText(/^Note/)).toHaveValue('j1');
    await user.keyboard('{Escape}j');
    expect(activeCard()).toHaveAttribute('data-item-id', 'one.b');
    await user.keyboard(']');
    expect(activeCard()).toHaveAttribute('data-item-id', 'two.hours');
    expect(screen.getByRole('heading', { name: '2. Section two' })).toBeInTheDocument();
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(saves(calls).at(-1)).toMatchObject({ itemId: 'one.a', note: 'j1', value: { kind: 'compliance', answer: 'non_compliant' } });
  });

  it('changes nothing on a finalized audit', async () => {
    const { transport, calls } = saveTransport(savedResponse);
    renderWith(transport, <Routed data={auditData({ status: 'finalized', finalizedAt: '2026-11-29T10:00:00Z' })} />);
    expect(screen.getByText('Finalized — read-only.')).toBeInTheDocument();
    expect(within(activeCard()).getByRole('button', { name: /Non-compliant/ })).toBeDisabled();
    expect(within(activeCard()).getByLabelText(/^Note/)).toBeDisabled();
    await userEvent.setup().keyboard('1');
    expect(within(activeCard()).getByRole('button', { name: /Compliant/ })).toHaveAttribute('aria-pressed', 'false');
    expect(saves(calls)).toHaveLength(0);
  });
});
