// The report in the language asked: the demo's finalized audit exported in
// Spanish through the contract and read back with pdftotext — the report's
// own texts and the template's translated ones in Spanish, clause
// references as the standards name them, untranslated template texts in
// English, and the signature valid.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import type { ReportExportResult } from '../../../shared/domain/report';
import { pagesText, pdfsig, run } from './tools';

const ASSETS = join(process.cwd(), 'assets');

describe('report languages', () => {
  let t: TestCore;
  let auditId: string;

  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: ASSETS });
    await createFullDemo(t.core);
    auditId = (await t.call('audits.list', {})).find((a) => a.status === 'finalized')?.id ?? '';
  });
  afterAll(() => t.cleanup());

  const exportIn = async (language: 'en' | 'es' | 'fr') => {
    const { jobId } = await t.call('report.export', { auditId, draft: false, language });
    const job = await t.core.jobs.wait(jobId);
    if (job.state !== 'done') throw new Error(`job ${job.state}: ${job.error?.message}`);
    return job.result as ReportExportResult;
  };

  it('prints a Spanish report when asked, signed and tagged as Spanish', async () => {
    const r = await exportIn('es');
    const text = pagesText(r.path).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      '1. Datos de la auditoría', '3. Resumen ejecutivo', '5. Hallazgos por sección', '8. Plan de acciones correctivas (CAPR)',
      '11. Anexo fotográfico', 'Qué se revisó', 'Declaración del auditor',
      // Template texts translated in 2.1.0: section titles, and the environment section in full.
      'Gestión y transparencia', 'Salud y seguridad', 'Medio ambiente',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('Findings by section');
    expect(text).not.toContain('Executive summary');
    // Clause references stay as the standards name them.
    expect(text).toMatch(/ETI \d/);
    const info = run('pdfinfo', [r.path]).out;
    expect(info).toMatch(/Title:\s+Informe de auditoría de cumplimiento ético: /);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(run('qpdf', ['--qdf', '--object-streams=disable', r.path, '-']).out).toMatch(/\/Lang \(es\)/);
    expect(pdfsig(r.path)).toContain('Signature is Valid.');
  });

  it('stays in English by default', async () => {
    const { jobId } = await t.call('report.export', { auditId, draft: false });
    const job = await t.core.jobs.wait(jobId);
    const text = pagesText((job.result as ReportExportResult).path).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('5. Findings by section');
    expect(text).toContain('Management and transparency');
    expect(text).not.toContain('Hallazgos');
  });
});
