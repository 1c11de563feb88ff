// A report in Spanish or French keeps no English of its own: the demo's
// finalized and in-progress audits and its finalized follow-up exported in both, read back with
// pdftotext, hold no phrase of four words or more from the report's
// English texts (strings.ts) nor from the English checks and rating texts
// (shared/locales/en/checks.ts). What stays in English is the auditor's own
// record (notes, findings as written) and the clause references.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import { createDemoFollowUp } from '../../../electron/core/demo/followup';
import { ENGLISH_STRINGS } from '../../../electron/core/report/strings';
import { DETAILS_EN } from '../../../electron/core/report/strings/details';
import ENGLISH_CHECKS from '../../../shared/locales/en/checks';
import type { ReportExportResult } from '../../../shared/domain/report';
import { pagesText, run } from './tools';

const ASSETS = join(process.cwd(), 'assets');
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Runs of four or more words between the placeholders of each English text. */
function englishPhrases(): string[] {
  const texts = [...Object.values(ENGLISH_STRINGS), ...Object.values(ENGLISH_CHECKS)];
  const out = new Set<string>();
  for (const t of texts) {
    for (const part of t.split(/\{\{?\w+\}?\}/)) {
      const words = part.trim().replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
      if (words.split(/\s+/).length >= 4) out.add(flat(words));
    }
  }
  return [...out];
}

describe('reports in Spanish and French', () => {
  let t: TestCore;
  let audits: Array<{ id: string; status: string; kind?: string }>;

  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: ASSETS });
    const demo = await createFullDemo(t.core);
    // As `fairsite demo` does: the finalized audit's finalized follow-up.
    expect(createDemoFollowUp(t.core, demo.auditIds[1]!)).toBeTruthy();
    audits = await t.call('audits.list', {});
  }, 120_000);
  afterAll(() => t.cleanup());

  let lastPath = '';
  const exportIn = async (auditId: string, draft: boolean, language: 'es' | 'fr') => {
    const { jobId } = await t.call('report.export', { auditId, draft, language });
    const job = await t.core.jobs.wait(jobId);
    if (job.state !== 'done') throw new Error(`job ${job.state}: ${job.error?.message}`);
    lastPath = (job.result as ReportExportResult).path;
    return flat(pagesText(lastPath).join('\n'));
  };

  it('hold none of the report\'s English phrases, finalized or draft', async () => {
    const phrases = englishPhrases();
    expect(phrases.length).toBeGreaterThan(100);
    expect(audits.length).toBeGreaterThan(1);
    for (const a of audits) {
      for (const language of ['es', 'fr'] as const) {
        const text = await exportIn(a.id, a.status !== 'finalized', language);
        expect(phrases.filter((p) => text.includes(p)), `${language} ${a.status}`).toEqual([]);
      }
    }
  }, 240_000);

  it('hold none of the short English labels of the details, section headers and action plan', async () => {
    // Two- and three-word labels the phrase check above cannot see (sample sizes, "on site", "answered").
    const labels = [...new Set(Object.values(DETAILS_EN).flatMap((t) => t.split(/\{\w+\}/)).map((p) => p.trim()).filter((p) => /[A-Za-z]/.test(p) && p.includes(' ')))];
    // Punctuation kept ("on site (", "answered ·"): the auditor's own words may say "on site".
    expect(labels).toEqual(expect.arrayContaining(['on site (', 'Checklist items answered', 'Worker interviews', 'answered ·', '. Agreed due date:']));
    const finalized = audits.find((a) => a.status === 'finalized' && a.kind !== 'follow_up')!;
    for (const language of ['es', 'fr'] as const) {
      const text = await exportIn(finalized.id, false, language);
      expect(labels.filter((l) => text.includes(l)), language).toEqual([]);
    }
  }, 120_000);

  it('say the rating, the checks and the audit type in the report\'s language', async () => {
    const finalized = audits.find((a) => a.status === 'finalized' && a.kind !== 'follow_up')!;
    const es = await exportIn(finalized.id, false, 'es');
    for (const expected of ['Cómo se calificó esta auditoría', 'Calificado según el esquema', 'Tipo de auditoría Anunciada', 'de 10 registros de pago muestreados incumplen las reglas', 'Puntuaciones por sección']) expect(es).toContain(expected);
    const fr = await exportIn(finalized.id, false, 'fr');
    for (const expected of ['Comment cet audit a été noté', 'Noté selon le barème', 'Annoncé', 'Scores par section', 'Toutes les photos prises pendant l’audit']) expect(fr).toContain(expected);
  }, 120_000);

  it('say the follow-up chapter in the report\'s language, template texts included', async () => {
    const followUp = audits.find((a) => a.kind === 'follow_up' && a.status === 'finalized');
    expect(followUp, 'the demo makes a finalized follow-up').toBeDefined();
    const view = await t.call('followup.get', { auditId: followUp!.id });
    const template = await t.call('templates.get', { id: (await t.call('audits.get', { id: followUp!.id })).audit.templateId });
    const checks: Record<'es' | 'fr', string[]> = {
      es: ['Seguimiento', 'Este seguimiento verificó', 'Nueva calificación', 'Hallazgos objeto de seguimiento', 'Hallazgo original', 'Hallazgos nuevos de este seguimiento', 'regla de seguimiento de amfori BSCI', 'enviado por el centro'],
      fr: ['Suivi', 'Ce suivi a vérifié', 'Nouvelle note', 'Constats suivis', 'Constat initial', 'Nouveaux constats de ce suivi', 'règle de suivi d’amfori BSCI', 'envoyé par le site'],
    };
    for (const language of ['es', 'fr'] as const) {
      const text = await exportIn(followUp!.id, false, language);
      for (const expected of checks[language]) expect(text, `${language}: ${expected}`).toContain(expected);
      // FAIRSITE_PDF_PNG=/tmp/x renders the pages to look at (x-es-1.png, …).
      if (process.env.FAIRSITE_PDF_PNG) run('pdftoppm', ['-png', '-r', '60', lastPath, `${process.env.FAIRSITE_PDF_PNG}-${language}`]);
      // The findings' prompts in the template's translation, not in its English.
      const tr = template.template.translations?.[language];
      for (const i of view.items) {
        const translated = tr?.sections?.[i.sectionId]?.items?.[i.itemId]?.prompt;
        expect(translated, `${language} prompt of ${i.itemId}`).toBeDefined();
        expect(text).toContain(flat(translated!));
        expect(text).not.toContain(flat(i.prompt));
      }
    }
  }, 120_000);
});
