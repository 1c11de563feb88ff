// @vitest-environment jsdom
// The last audit in view, per item: the walkthrough of a new audit shows at
// each item what the site's last audit found there (answer, severity, each
// action with its status now), and marks the items that had a finding even
// while they are collapsed; a site with no earlier audit shows nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { Walkthrough } from '../../../renderer/src/walkthrough/Walkthrough';
import { useRoute } from '../../../renderer/src/app/router';
import { auditData, fail, ok, renderWith, scriptedTransport } from './fixtures';
import type { AuditData } from '../../../renderer/src/app/useAuditData';
import type { LastAudit } from '../../../shared/domain/followup';

function Routed({ data }: { data: AuditData }) {
  const r = useRoute();
  return <Walkthrough data={data} itemId={r.name === 'walk' ? r.itemId : null} />;
}

const LAST: LastAudit = {
  id: '0193a0f0-0000-7000-8000-0000000000b1', revision: 1, startDate: '2026-05-12', endDate: '2026-05-13', grade: 'C', others: 1,
  items: [{
    itemId: 'one.b', sectionTitle: 'Section one', prompt: 'Second question', answer: 'non_compliant', severity: 'major', zeroTolerance: false,
    note: 'Exit blocked by boxes', actions: [{ action: 'Clear the exit and train the floor marshals', status: 'submitted' }],
  }],
  quiet: [{ itemId: 'one.a', answer: 'compliant' }],
};

const transport = (last: LastAudit | null) => scriptedTransport((op) => (op === 'followup.lastAudit' ? ok(last) : op.endsWith('.list') ? ok([]) : fail('storage', `unexpected ${op}`)));
const activeCard = () => document.querySelector('li.card--active') as HTMLElement;
const card = (id: string) => document.querySelector(`li[data-item-id="${id}"]`) as HTMLElement;

beforeEach(() => window.localStorage.clear());

describe('the last audit at each item', () => {
  it('shows last time\'s answer, severity, note and each action with its status now at the item', async () => {
    window.history.replaceState(null, '', '#/audit/x/item/one.b');
    const { transport: tr, calls } = transport(LAST);
    renderWith(tr, <Routed data={auditData()} />);
    const box = await within(activeCard()).findByTestId('previous-result');
    expect(box).toHaveTextContent('Last audit (May 12, 2026): Non-compliant; finding of severity Major.');
    expect(box).toHaveTextContent('Noted then: Exit blocked by boxes');
    expect(box).toHaveTextContent('Submitted for verification: Clear the exit and train the floor marshals');
    expect(calls.filter((c) => c.op === 'followup.lastAudit')).toEqual([{ op: 'followup.lastAudit', input: { auditId: auditData().detail.audit.id } }]);
  });

  it('shows a compliant item as such, and marks the collapsed item that had a finding', async () => {
    window.history.replaceState(null, '', '#/audit/x/item/one.a');
    renderWith(transport(LAST).transport, <Routed data={auditData()} />);
    const box = await within(activeCard()).findByTestId('previous-result');
    expect(box).toHaveTextContent('Last audit (May 12, 2026): Compliant.');
    expect(box.className).not.toMatch(/finding/);
    expect(within(card('one.b')).getByText('Finding last time')).toBeInTheDocument();
    // Only that one: a compliant item last time is not marked.
    expect(screen.getAllByText('Finding last time')).toHaveLength(1);
  });

  it('shows nothing of the kind for a site with no earlier finalized audit', async () => {
    window.history.replaceState(null, '', '#/audit/x/item/one.b');
    const { transport: tr, calls } = transport(null);
    renderWith(tr, <Routed data={auditData()} />);
    await waitFor(() => expect(calls.some((c) => c.op === 'followup.lastAudit')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('previous-result')).toBeNull();
    expect(screen.queryByText('Finding last time')).toBeNull();
  });
});
