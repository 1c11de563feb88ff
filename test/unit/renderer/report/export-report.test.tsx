// @vitest-environment jsdom
// Export PDF as the auditor sees it: a progress bar while the job runs,
// then the file handed over in the same action (Save as…), Open and Show in
// folder; errors shown, never swallowed.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { ExportReport, offeredLanguages } from '../../../../renderer/src/report/ExportReport';
import type { Envelope } from '../../../../shared/errors';

const AUDIT = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const JOB = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const RESULT = { path: '/data/reports/site-2026-05-13-r1.pdf', name: 'site-2026-05-13-r1.pdf', pages: 15, bytes: 1_000_000, signed: true, warnings: [] };

function fakeCore(polls: number) {
  const calls: Array<{ op: string; input: unknown }> = [];
  let n = 0;
  const transport = async (op: string, input: unknown): Promise<Envelope<unknown>> => {
    calls.push({ op, input });
    if (op === 'report.export') return { ok: true, value: { jobId: JOB } };
    if (op === 'jobs.get') {
      n++;
      return n <= polls
        ? { ok: true, value: { id: JOB, kind: 'report.export', state: 'running', progress: n / (polls + 1), message: `Photo appendix ${n}` } }
        : { ok: true, value: { id: JOB, kind: 'report.export', state: 'done', progress: 1, message: '', result: RESULT } };
    }
    if (op === 'report.open') return { ok: false, error: { code: 'not_ready', message: 'Opening files needs the desktop app.' } };
    if (op === 'dialog.save') return { ok: true, value: { outcome: 'saved', path: `/media/usb/${RESULT.name}` } };
    return { ok: false, error: { code: 'unknown_operation', message: op } };
  };
  return { transport, calls };
}

describe('Export PDF', () => {
  it('shows progress, then saves the report where chosen in the same action, with Open and Show in folder', async () => {
    const { transport, calls } = fakeCore(2);
    render(<ClientProvider transport={transport}><ExportReport auditId={AUDIT} finalized /></ClientProvider>);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect(await screen.findByRole('progressbar', { name: 'Report export progress' })).toBeInTheDocument();
    expect(await screen.findByText(/Signed report saved\./, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(calls.find((c) => c.op === 'report.export')?.input).toEqual({ auditId: AUDIT, draft: false, language: 'en' });
    expect(screen.queryByRole('progressbar')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText(/needs the desktop app/)).toBeInTheDocument();
    expect(calls.find((c) => c.op === 'report.open')?.input).toEqual({ name: RESULT.name });

    expect(screen.getByText(`Report saved to /media/usb/${RESULT.name}.`)).toBeInTheDocument();
    expect(calls.filter((c) => c.op === 'dialog.save').map((c) => c.input)).toEqual([{ source: { kind: 'report', name: RESULT.name }, language: 'en' }]);
    expect(screen.queryByRole('link', { name: /^Save / })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save another copy…' }));
    await waitFor(() => expect(calls.filter((c) => c.op === 'dialog.save')).toHaveLength(2));
  });

  it('exports a draft when the audit is not finalized, and says so', async () => {
    const { transport, calls } = fakeCore(0);
    render(<ClientProvider transport={transport}><ExportReport auditId={AUDIT} finalized={false} /></ClientProvider>);
    expect(screen.getByText(/DRAFT — not signed/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export draft PDF' }));
    await waitFor(() => expect(calls.find((c) => c.op === 'report.export')?.input).toEqual({ auditId: AUDIT, draft: true, language: 'en' }));
  });

  it('makes the report in the language chosen, English unless asked', async () => {
    const { transport, calls } = fakeCore(0);
    render(<ClientProvider transport={transport}><ExportReport auditId={AUDIT} finalized languages={['en', 'es', 'fr']} /></ClientProvider>);
    const user = userEvent.setup();
    const select = screen.getByRole('combobox', { name: 'Report language' });
    expect(select).toHaveValue('en');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['English', 'Spanish', 'French']);
    await user.selectOptions(select, 'es');
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    await waitFor(() => expect(calls.find((c) => c.op === 'report.export')?.input).toEqual({ auditId: AUDIT, draft: false, language: 'es' }));
  });

  it('offers only the audit\'s languages, English first and chosen, whatever the template\'s own language', () => {
    const { transport } = fakeCore(0);
    const { unmount } = render(<ClientProvider transport={transport}><ExportReport auditId={AUDIT} finalized languages={['en']} /></ClientProvider>);
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['en']);
    unmount();
    // A Spanish template with a French translation (and one Fairsite does not print, German): English, Spanish, French.
    render(<ClientProvider transport={transport}><ExportReport auditId={AUDIT} finalized languages={['es', 'de', 'fr']} /></ClientProvider>);
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['en', 'es', 'fr']);
    expect(screen.getByRole('combobox', { name: 'Report language' })).toHaveValue('en');
  });

  it('offers English alone for a template with no translation', () => {
    expect(offeredLanguages(['en'])).toEqual(['en']);
    expect(offeredLanguages(['en', 'fr'])).toEqual(['en', 'fr']);
  });
});
