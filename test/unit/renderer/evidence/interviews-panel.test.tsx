// @vitest-environment jsdom
// Worker interviews: the form names its errors beside the fields (a name
// typed as the code, an empty excerpt) and sends nothing until the contract's
// schema accepts it; topics typed with commas are sent as a list.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/errors';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { AuditScopeProvider } from '../../../../renderer/src/app/auditScope';
import { InterviewsPanel } from '../../../../renderer/src/evidence/InterviewsPanel';

const AUDIT = '0193a0f0-0000-7000-8000-0000000000a1';
const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });

describe('InterviewsPanel', () => {
  it('shows field errors and sends only what the contract accepts', async () => {
    const saves: Array<Record<string, unknown>> = [];
    const transport = async (op: string, input: unknown): Promise<Envelope<unknown>> => {
      if (op === 'interviews.save') {
        const i = input as Record<string, unknown>;
        saves.push(i);
        return ok({ ...i, id: '0193a0f0-0000-7000-8000-0000000000c1', createdAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z' });
      }
      return ok([]);
    };
    render(<ClientProvider transport={transport}><AuditScopeProvider auditId={AUDIT} readOnly={false}><InterviewsPanel /></AuditScopeProvider></ClientProvider>);
    await userEvent.click(await screen.findByRole('button', { name: 'Record an interview' }));
    const form = screen.getByRole('form', { name: 'New interview' });
    const code = within(form).getByLabelText('Code');
    expect(code).toHaveValue('W-01');

    await userEvent.clear(code);
    await userEvent.type(code, 'maria');
    expect(code).toHaveValue('MARIA');
    await userEvent.click(within(form).getByRole('button', { name: 'Add an excerpt' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save interview' }));
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(/never a name/i);
    expect(within(form).getByLabelText('Excerpt 1')).toHaveAttribute('aria-invalid', 'true');
    expect(saves).toEqual([]);

    await userEvent.clear(code);
    await userEvent.type(code, 'w-07');
    await userEvent.type(within(form).getByLabelText('Excerpt 1'), 'We are paid on time.');
    await userEvent.type(within(form).getByLabelText('Topics (separated by commas)'), 'pay, overtime');
    await userEvent.click(within(form).getByRole('checkbox', { name: /consented/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save interview' }));
    expect(await screen.findByRole('row', { name: /W-07/ })).toBeInTheDocument();
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ auditId: AUDIT, code: 'W-07', consent: true, topics: ['pay', 'overtime'], excerpts: [{ text: 'We are paid on time.', include: false }] });
    expect(screen.queryByRole('form', { name: 'New interview' })).toBeNull();
  });
});
