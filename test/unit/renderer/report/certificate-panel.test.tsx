// @vitest-environment jsdom
// Importing an organisation certificate in settings: the core's refusal
// (wrong password) is shown as it is; a good file replaces the certificate.
// The file comes through dialog.open: the desktop's native dialog answers
// with its bytes; the web harness answers "browser" and the page's own picker opens.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { CertificatePanel } from '../../../../renderer/src/report/CertificatePanel';
import type { Envelope } from '../../../../shared/errors';

const INFO = { subject: 'CN=Ana Reyes, O=Fair Audit Partners', issuer: 'CN=Fair Audit Partners CA', serial: '01', notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z', selfSigned: false, source: 'imported', fingerprint: 'ab'.repeat(32) };

describe('certificate settings', () => {
  it('shows a wrong password as the core says it, then imports with the right one', async () => {
    let current: typeof INFO | null = null;
    const imports: unknown[] = [];
    const transport = async (op: string, input: unknown): Promise<Envelope<unknown>> => {
      if (op === 'dialog.open') {
        expect(input).toEqual({ purpose: 'certificate', pick: 'files', language: 'en' });
        return { ok: true, value: { outcome: 'read', files: [{ name: 'ana.p12', base64: btoa(String.fromCharCode(0x30, 0x82, 1, 2, 3)) }] } };
      }
      if (op === 'report.certificate') return { ok: true, value: current };
      if (op === 'report.importCertificate') {
        imports.push(input);
        if ((input as { password: string }).password !== 'right') return { ok: false, error: { code: 'rejected', message: 'The password for this certificate file is wrong.' } };
        current = INFO;
        return { ok: true, value: INFO };
      }
      return { ok: false, error: { code: 'unknown_operation', message: op } };
    };
    render(<ClientProvider transport={transport}><CertificatePanel /></ClientProvider>);
    expect(await screen.findByText(/makes a certificate in your name/)).toBeInTheDocument();
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Import certificate' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /^Choose the certificate file/ }));
    expect(await screen.findByText('Chosen: ana.p12')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Password of the file'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Import certificate' }));
    expect(await screen.findByText('The password for this certificate file is wrong.')).toBeInTheDocument();
    expect((imports[0] as { p12Base64: string }).p12Base64).toBe(btoa(String.fromCharCode(0x30, 0x82, 1, 2, 3)));
    await user.clear(screen.getByLabelText('Password of the file'));
    await user.type(screen.getByLabelText('Password of the file'), 'right');
    await user.click(screen.getByRole('button', { name: 'Import certificate' }));
    expect(await screen.findByText(/Certificate imported/)).toBeInTheDocument();
    expect(await screen.findByText('CN=Fair Audit Partners CA')).toBeInTheDocument();
  });

  it('without a native dialog, the page\'s own file picker gives the file', async () => {
    const imports: unknown[] = [];
    const transport = async (op: string, input: unknown): Promise<Envelope<unknown>> => {
      if (op === 'dialog.open') return { ok: true, value: { outcome: 'browser' } };
      if (op === 'report.certificate') return { ok: true, value: null };
      if (op === 'report.importCertificate') { imports.push(input); return { ok: true, value: INFO }; }
      return { ok: false, error: { code: 'unknown_operation', message: op } };
    };
    render(<ClientProvider transport={transport}><CertificatePanel /></ClientProvider>);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Choose the certificate file/ }));
    const picker = await waitFor(() => { const el = document.querySelector<HTMLInputElement>('input[type="file"]'); if (!el) throw new Error('no picker'); return el; });
    expect(picker.accept).toContain('.p12');
    Object.defineProperty(picker, 'files', { value: [new File([new Uint8Array([1, 2, 3])], 'org.pfx')] });
    fireEvent.change(picker);
    expect(await screen.findByText('Chosen: org.pfx')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Password of the file'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Import certificate' }));
    await waitFor(() => expect(imports).toHaveLength(1));
    expect((imports[0] as { p12Base64: string }).p12Base64).toBe(btoa(String.fromCharCode(1, 2, 3)));
  });
});
