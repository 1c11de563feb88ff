// The report made from a real store through the contract: the demo's
// finalized audit exported as a job and checked by pdfsig and pdftotext;
// drafts, signatures, the signing key at rest and certificate import.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';
import { migrate } from '../../../electron/core/store/db';
import { migrations } from '../../../electron/core/store/migrations/index';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { signingIdentity } from '../../../electron/core/report/sign/identity-store';
import type { ReportExportResult } from '../../../shared/domain/report';
import { makeSignature } from './fixture';
import { issueP12, makeCa, nssTrusting, pagesText, pdfsig, run, tempDir } from './tools';

const ASSETS = join(process.cwd(), 'assets');

async function exportJob(t: TestCore, auditId: string, draft = false): Promise<ReportExportResult> {
  const { jobId } = await t.call('report.export', { auditId, draft });
  const job = await t.core.jobs.wait(jobId);
  if (job.state !== 'done') throw new Error(`job ${job.state}: ${job.error?.message}`);
  expect(job.progress).toBe(1);
  return job.result as ReportExportResult;
}

describe('report from the store', () => {
  let t: TestCore;
  let finalizedId: string;
  let openId: string;

  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: ASSETS });
    const { auditIds } = await createFullDemo(t.core);
    const audits = await t.call('audits.list', {});
    finalizedId = audits.find((a) => a.status === 'finalized')?.id ?? '';
    openId = audits.find((a) => a.status !== 'finalized')?.id ?? '';
    expect(auditIds).toContain(finalizedId);
  });
  afterAll(() => t.cleanup());

  it('signs the finalized demo audit, with everything an auditor records in it', async () => {
    const r = await exportJob(t, finalizedId);
    expect(r.signed).toBe(true);
    expect(r.warnings).toEqual([]);
    const sig = pdfsig(r.path);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(sig).toContain('Signer Certificate Common Name: Maria Santos');
    expect(run('qpdf', ['--check', r.path]).code).toBe(0);
    const text = pagesText(r.path).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Northwind Contact Centre, Cebu', 'Executive summary', 'Non-compliances', 'Findings by section', 'Wages and working hours',
      'Corrective action plan (CAPR)', 'Worker interviews', 'Declaration and sign-off', 'Photo appendix',
      'Ramon Villanueva has authority to implement the corrective actions agreed in this report',
      'We badge in twenty minutes early for the briefing', 'Payroll register, April 2026', 'NC-1', 'P1 ·',
    ]) expect(text).toContain(expected);
    // Interview notes and excerpts not marked for inclusion never reach the report.
    expect(text).not.toContain('Private notes');
    expect(text).not.toContain('Named the team leader concerned');
    // Photos are embedded (JPEG) and every font is embedded.
    expect(run('pdfimages', ['-list', r.path]).out).toMatch(/jpeg/);
    const fonts = run('pdffonts', [r.path]).out.split('\n').slice(2).filter((l) => l.trim());
    for (const row of fonts) expect(row).toMatch(/yes yes yes/);
  });

  it('hands a report back by name only: download bytes, desktop-only open, no paths from outside', async () => {
    const r = await exportJob(t, finalizedId);
    const got = await t.call('report.read', { name: r.name });
    expect(Buffer.from(got.base64, 'base64').equals(readFileSync(r.path))).toBe(true);
    const open = await t.dispatch('report.open', { name: r.name });
    expect(open.ok ? '' : open.error.code).toBe('not_ready');
    for (const name of ['../fairsite.db', '/etc/passwd', 'x/../../y.pdf']) {
      const env = await t.dispatch('report.read', { name });
      expect(env.ok ? '' : env.error.code).toBe('invalid_input');
    }
    const missing = await t.dispatch('report.read', { name: 'nothing-here.pdf' });
    expect(missing.ok ? '' : missing.error.code).toBe('not_found');
  });

  it('refuses a signed report of an audit not finalized, at once; exports it as a watermarked draft', async () => {
    const env = await t.dispatch('report.export', { auditId: openId });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('not_ready');
    const r = await exportJob(t, openId, true);
    expect(r.signed).toBe(false);
    expect(pdfsig(r.path)).toMatch(/does not contain any signatures/);
    for (const p of pagesText(r.path)) expect(p.replace(/\s+/g, ' ')).toContain('DRAFT — not signed');
  });

  it('keeps the signing key sealed: no plain private key on disk, wrong passphrase refused', () => {
    const keys = t.core.paths.keys;
    for (const f of readdirSync(keys)) expect(readFileSync(join(keys, f), 'latin1')).not.toContain('PRIVATE KEY');
    expect(readFileSync(join(keys, 'report-certificate.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
    const wrong = { ...t.core, secretBox: passphraseBox('not the passphrase') };
    expect(() => signingIdentity(wrong)).toThrow(/cannot be unlocked/);
  });

  it('makes a new certificate when the profile name changes', async () => {
    const before = await t.call('report.certificate', {});
    expect(before?.subject).toContain('CN=Maria Santos');
    await t.call('profile.save', { name: 'María Santos-Reyes', organisation: 'Fairsite demo audits', email: 'maria.santos@example.org', auditorId: 'MS-DEMO' });
    signingIdentity(t.core);
    const after = await t.call('report.certificate', {});
    expect(after?.subject).toContain('CN=María Santos-Reyes');
    expect(after?.fingerprint).not.toBe(before?.fingerprint);
  });

  it('saves drawn signatures with checks, and refuses them once the audit is finalized', async () => {
    const png = (await makeSignature(3)).toString('base64');
    const saved = await t.call('signoffs.save', { auditId: openId, role: 'site_rep', name: 'Đặng Văn Minh', title: 'Site director', hasAuthority: true, pngBase64: png });
    expect(saved.hasAuthority).toBe(true);
    expect((await t.call('signoffs.list', { auditId: openId })).map((s) => s.role)).toEqual(['site_rep']);
    const notPng = await t.dispatch('signoffs.save', { auditId: openId, role: 'auditor', name: 'A', pngBase64: Buffer.from('GIF89a not a png at all').toString('base64') });
    expect(notPng.ok ? '' : notPng.error.code).toBe('invalid_input');
    const auditorAuthority = await t.dispatch('signoffs.save', { auditId: openId, role: 'auditor', name: 'A', hasAuthority: true, pngBase64: png });
    expect(auditorAuthority.ok ? '' : auditorAuthority.error.code).toBe('invalid_input');
    const locked = await t.dispatch('signoffs.save', { auditId: finalizedId, role: 'auditor', name: 'A', pngBase64: png });
    expect(locked.ok ? '' : locked.error.code).toBe('locked');
    const chain = await t.call('audits.verifyChain', { id: openId });
    expect(chain.ok).toBe(true);
  });

  it('imports an organisation .p12: errors are clear, and the next report is trusted through the CA', async () => {
    const dir = tempDir();
    const ca = makeCa();
    const p12 = issueP12(dir, ca, { password: 'org', name: 'Maria Santos' });
    const bad = await t.dispatch('report.importCertificate', { p12Base64: p12.toString('base64'), password: 'nope' });
    expect(bad.ok ? '' : bad.error.message).toMatch(/password/);
    const info = await t.call('report.importCertificate', { p12Base64: p12.toString('base64'), password: 'org' });
    expect(info.source).toBe('imported');
    expect(info.issuer).toContain('Fair Audit Partners Test CA');
    expect((await t.call('report.certificate', {}))?.fingerprint).toBe(info.fingerprint);
    const r = await exportJob(t, finalizedId);
    expect(pdfsig(r.path, nssTrusting(dir, ca))).toContain('Certificate is Trusted.');
  });
});

describe('migration 002 (signoffs)', () => {
  it('adds the signoffs table to a database at version 1 and keeps its rows', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 1);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    expect(migrate(db, migrations, 2)).toBe(2);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('v');
    const cols = (db.prepare('PRAGMA table_info(signoffs)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(['audit_id', 'role', 'name', 'title', 'has_authority', 'png', 'png_sha256', 'signed_at']);
    expect(() => db.prepare("INSERT INTO signoffs (audit_id, role, name, png, png_sha256, signed_at) VALUES ('a', 'boss', 'n', x'00', 'h', 't')").run()).toThrow(/CHECK/);
    db.close();
  });
});


describe('desktop file handlers', () => {
  it('open and show only reports in the data folder, through the shell given', async () => {
    const { desktopReportHandlers } = await import('../../../electron/handlers/report-handlers');
    const t = await testCore(undefined, { assetsDir: ASSETS });
    try {
      const opened: string[] = [];
      const shown: string[] = [];
      const h = desktopReportHandlers({ openPath: async (p) => { opened.push(p); return ''; }, showItemInFolder: (p) => { shown.push(p); } });
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(t.core.paths.reports, { recursive: true });
      writeFileSync(join(t.core.paths.reports, 'a.pdf'), '%PDF-1.3');
      expect(await h['report.open']({ name: 'a.pdf' }, t.core)).toEqual({ opened: true });
      expect(await h['report.showInFolder']({ name: 'a.pdf' }, t.core)).toEqual({ shown: true });
      expect(opened).toEqual([join(t.core.paths.reports, 'a.pdf')]);
      expect(shown).toEqual(opened);
      expect(() => h['report.showInFolder']({ name: 'b.pdf' }, t.core)).toThrow(/no report named b\.pdf/);
      const failing = desktopReportHandlers({ openPath: async () => 'No application is associated with PDF files', showItemInFolder: () => {} });
      await expect(failing['report.open']({ name: 'a.pdf' }, t.core)).rejects.toThrow(/No application/);
    } finally {
      t.cleanup();
    }
  });
});
