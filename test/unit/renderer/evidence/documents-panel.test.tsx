// @vitest-environment jsdom
// Documents reviewed: the list shows the audit on screen even when an earlier
// audit's answer arrives last, and the form names its errors next to the
// fields (its own checks and the core's) and sends nothing the contract refuses.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/errors';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { AuditScopeProvider } from '../../../../renderer/src/app/auditScope';
import { DocumentsPanel } from '../../../../renderer/src/evidence/DocumentsPanel';
import type { PhotosState } from '../../../../renderer/src/evidence/usePhotos';

const A = '0193a0f0-0000-7000-8000-0000000000a1';
const B = '0193a0f0-0000-7000-8000-0000000000b1';
const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });
const doc = (id: string, auditId: string, title: string) => ({
  id, auditId, kind: 'payroll_sample', title, notes: '', itemIds: [], createdAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z',
});
const photos: PhotosState = { photos: [], error: null, reload: () => undefined, replace: () => undefined, remove: () => undefined };

describe('DocumentsPanel', () => {
  it('keeps the documents of the audit it shows when an earlier audit answers last', async () => {
    let answerA: (e: Envelope<unknown>) => void = () => undefined;
    const transport = async (op: string, input: unknown): Promise<Envelope<unknown>> => {
      if (op === 'documents.list' && (input as { auditId: string }).auditId === A) return new Promise((r) => { answerA = r; });
      if (op === 'documents.list') return ok([doc('0193a0f0-0000-7000-8000-0000000000b2', B, 'Payroll of site B')]);
      return ok([]);
    };
    const ui = (auditId: string) => <ClientProvider transport={transport}><AuditScopeProvider auditId={auditId} readOnly><DocumentsPanel photos={photos} /></AuditScopeProvider></ClientProvider>;
    const { rerender } = render(ui(A));
    rerender(ui(B));
    expect(await screen.findByRole('heading', { name: /Payroll of site B/ })).toBeInTheDocument();

    await act(async () => { answerA(ok([doc('0193a0f0-0000-7000-8000-0000000000a2', A, 'Payroll of site A')])); });
    expect(screen.queryByRole('heading', { name: /Payroll of site A/ })).toBeNull();
    expect(screen.getByRole('heading', { name: /Payroll of site B/ })).toBeInTheDocument();
  });

  it('names a missing title next to its field and sends nothing; the core\'s field error shows there too', async () => {
    const saves: unknown[] = [];
    const transport = async (op: string, input: unknown): Promise<Envelope<unknown>> => {
      if (op === 'documents.save') {
        saves.push(input);
        return { ok: false, error: { code: 'invalid_input', message: 'The document was not saved.', fields: [{ path: 'title', message: 'already recorded for this audit' }] } };
      }
      return ok([]);
    };
    render(<ClientProvider transport={transport}><AuditScopeProvider auditId={A} readOnly={false}><DocumentsPanel photos={photos} /></AuditScopeProvider></ClientProvider>);
    const form = await screen.findByRole('form', { name: 'New document' });
    await userEvent.click(within(form).getByRole('button', { name: 'Add document' }));
    const title = within(form).getByLabelText('Title');
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription(/required/i);
    expect(saves).toEqual([]);

    await userEvent.type(title, 'October payroll');
    await userEvent.click(within(form).getByRole('button', { name: 'Add document' }));
    await waitFor(() => expect(title).toHaveAccessibleDescription('Already recorded for this audit'));
    expect(saves).toEqual([{ auditId: A, kind: 'payroll_sample', title: 'October payroll', notes: '', itemIds: [] }]);
  });
});
