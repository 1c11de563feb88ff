// Every text field at its maximum length, in Thai, Vietnamese and
// Devanagari: the report keeps every word on the page and whole, with the
// fonts it embeds, and its running headers, clause column and counts stay
// as the layout rules say.
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/core/report/render';
import { CLAUSE_WIDTH } from '../../../electron/core/report/sections/findings';
import { PAGE } from '../../../electron/core/report/layout/writer';
import type { ReportData } from '../../../electron/core/report/types';
import { makeReportData } from './fixture';
import { run, tempDir, writeTemp } from './tools';

const SCRIPTS = {
  thai: 'ผู้ปฏิบัติงานได้รับค่าจ้างตรงเวลาและทำงานล่วงเวลาโดยสมัครใจ ',
  vietnamese: 'Người lao động được trả lương đúng hạn và làm thêm giờ tự nguyện. ',
  devanagari: 'श्रमिकों को समय पर वेतन मिलता है और ओवरटाइम स्वैच्छिक है। ',
};
type Script = keyof typeof SCRIPTS;

/** `max` characters of the script's sentence, repeated, ending with a marker word to find in the text. */
const fill = (script: Script, max: number, marker: string) => {
  const end = ` ${marker}`;
  return (SCRIPTS[script].repeat(Math.ceil(max / SCRIPTS[script].length))).slice(0, max - end.length).trimEnd() + end;
};

async function longest(script: Script): Promise<ReportData> {
  const d = await makeReportData({ items: 24, findings: 4, photos: 2, sections: 3, hoursRows: 4 });
  const f = (max: number, m: string) => fill(script, max, m);
  d.site = { ...d.site, name: f(200, 'ENDSITE'), address: f(500, 'ENDADDRESS'), shifts: f(300, 'ENDSHIFTS'), clients: Array.from({ length: 50 }, (_, i) => f(160, `ENDCLIENT${i}`)) };
  d.audit.scope = f(2000, 'ENDSCOPE');
  d.audit.notes = [f(20_000, 'ENDMETHOD')];
  d.profile = {
    legalEntity: f(200, 'ENDENTITY'), address: f(500, 'ENDPADDR'), floors: f(200, 'ENDFLOORS'), building: f(500, 'ENDBUILDING'), sharedBuilding: true,
    fireCertificate: f(300, 'ENDFIRE'), fireCertificateExpiry: '2027-01-31', services: f(1000, 'ENDSERVICES'), clients: f(1000, 'ENDPCLIENTS'),
    workforce: { headcount: 1_000_000, female: 500_000, male: 499_000, otherGender: 1000, permanent: 900_000, fixedTerm: 50_000, agency: 40_000, trainee: 10_000, migrant: 1_000_000, nightShift: 999_999, young: 0 },
  };
  d.declaration = { credentials: f(60, 'ENDCRED'), independence: f(2000, 'ENDINDEP'), limitations: f(4000, 'ENDLIMIT'), disclaimer: f(4000, 'ENDDISCL'), distribution: Array.from({ length: 50 }, (_, i) => f(200, `ENDDIST${i}`)) };
  d.acknowledged = [{ message: f(400, 'ENDWARN'), note: f(1000, 'ENDACK') }];
  d.goodPractices = [{ sectionTitle: d.sections[0]!.title, prompt: f(500, 'ENDGPPROMPT'), note: f(20_000, 'ENDGPNOTE'), photoRefs: ['P1'] }];
  d.sections[0]!.texts = [{ prompt: f(500, 'ENDTEXTPROMPT'), text: f(20_000, 'ENDTEXT') }];
  d.sections[0]!.checked[0] = { prompt: f(500, 'ENDCHKPROMPT'), answer: 'Compliant', tone: 'ok', reading: f(200, 'ENDREADING'), note: f(20_000, 'ENDCHKNOTE') };
  d.findings[0]!.clauses = ['amfori BSCI PA 5', 'ISO/IEC 27001:2022 A.8.12'];
  d.findings[0]!.note = f(20_000, 'ENDFNOTE');
  d.actions = d.findings.map((x, i) => ({
    findingRef: x.ref, action: f(2000, `ENDACTION${i}`), owner: f(160, `ENDOWNER${i}`), dueDate: '2026-12-31', status: 'open', verification: f(1000, `ENDVERIF${i}`),
    severity: x.severity, clauses: x.clauses, findingText: x.summary, objectiveEvidence: f(2000, `ENDEVID${i}`), rootCause: f(2000, `ENDROOT${i}`), preventiveAction: f(2000, `ENDPREV${i}`),
    timescale: '60 days (default for the severity); 2027-01-29 at the latest', verificationMethod: 'Follow-up visit', siteComments: f(2000, `ENDCOMM${i}`), siteAcceptance: 'Disputed by the site',
  }));
  return d;
}

describe.each(Object.keys(SCRIPTS) as Script[])('the longest values in %s', (script) => {
  it('prints every field whole, inside the margins, with headers and clauses unbroken', async () => {
    const data = await longest(script);
    const r = await renderReport(data, { draft: false });
    expect(r.warnings).toEqual([]);
    const file = writeTemp(tempDir(), `${script}.pdf`, r.pdf);
    const text = run('pdftotext', [file, '-']).out.replace(/\s+/g, ' ');
    const markers = [...text.matchAll(/END[A-Z]+\d*/g)].map((m) => m[0]);
    for (const m of ['ENDSITE', 'ENDADDRESS', 'ENDSHIFTS', 'ENDCLIENT49', 'ENDSCOPE', 'ENDMETHOD', 'ENDENTITY', 'ENDPADDR', 'ENDFLOORS', 'ENDBUILDING', 'ENDFIRE', 'ENDSERVICES', 'ENDPCLIENTS',
      'ENDCRED', 'ENDINDEP', 'ENDLIMIT', 'ENDDISCL', 'ENDDIST49', 'ENDWARN', 'ENDACK', 'ENDGPPROMPT', 'ENDGPNOTE', 'ENDTEXTPROMPT', 'ENDTEXT', 'ENDCHKPROMPT', 'ENDREADING', 'ENDCHKNOTE', 'ENDFNOTE',
      'ENDACTION3', 'ENDOWNER3', 'ENDVERIF3', 'ENDEVID3', 'ENDROOT3', 'ENDPREV3', 'ENDCOMM3']) expect(markers, m).toContain(m);
    // Sample words of the script come through as text (shaped, not boxes). A Devanagari
    // vowel sign drawn before its consonant (ि) is extracted in drawing order, so the
    // word checked has none.
    const word = { thai: 'ค่าจ้าง', vietnamese: 'Người lao động', devanagari: 'समय पर वेतन' }[script];
    expect(text).toContain(word);
    expect(text).toContain('1,000,000');
    expect(text).toContain('1 of 1 items answered'.replace('1 of 1', `${data.sections[0]!.answered} of ${data.sections[0]!.total}`));

    const { out } = run('pdftotext', ['-bbox', file, '-']);
    for (const m of out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)) {
      const [xMin, yMin, xMax, yMax] = m.slice(1, 5).map(Number) as [number, number, number, number];
      expect(xMin).toBeGreaterThanOrEqual(PAGE.left - 1);
      expect(xMax).toBeLessThanOrEqual(PAGE.width - PAGE.right + 1);
      expect(yMin).toBeGreaterThanOrEqual(14);
      expect(yMax).toBeLessThanOrEqual(PAGE.height - 20);
    }
    for (const y of r.pageFills!) expect(y).toBeLessThanOrEqual(PAGE.height - PAGE.bottom + 0.01);

    const layout = run('pdftotext', ['-layout', file, '-']).out;
    // The clause column holds "amfori BSCI PA 5" on one line; no header or cell is cut with an ellipsis.
    expect(layout).toMatch(/amfori BSCI PA 5/);
    expect(layout).not.toContain('…');
    expect(CLAUSE_WIDTH).toBeGreaterThan(1.5);
  }, 120_000);
});
