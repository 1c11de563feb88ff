// The rating through the store: an audit made under the built-in template's
// 1.0.0 keeps its recorded rating after 2.0.0 is installed beside it; the
// zero-tolerance flag never stays on an answer that raises no finding; a
// zero-tolerance item's finding is zero tolerance and graded by default.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { installBuiltInTemplates } from '../../../electron/core/store/repos/templates';
import type { ResponseValue } from '../../../shared/domain/response';
import type { TemplateItem } from '../../../shared/template/schema';
import { SITE_INPUT, tempDir, testCore, type TestCore } from './helpers/core-fixture';

const repo = (rel: string) => fileURLToPath(new URL(`../../../${rel}`, import.meta.url));
const OLD_JSON = readFileSync(repo('test/fixtures/templates/bpo-ethical-compliance-1.0.0.json'), 'utf8');
const BAD = new Set(['lab.deposits-fees', 'lab.forced-labour', 'lab.child-labour', 'sec.call-recording']);

let t: TestCore;
afterEach(() => t.cleanup());

function good(item: TemplateItem): ResponseValue {
  switch (item.kind) {
    case 'compliance': return { kind: 'compliance', answer: BAD.has(item.id) ? 'non_compliant' : 'compliant' };
    case 'number': return { kind: 'number', value: item.unit === 'lx' ? 500 : item.unit === '°C' ? 23 : 55 };
    case 'choice': return { kind: 'choice', selected: [item.options.find((o) => !o.finding)!.value] };
    case 'hours': return { kind: 'hours', rows: [{ worker: 'A', weekStart: '2026-11-02', contracted: 40, overtime: 4, daysWorked: 5, voluntary: true }] };
    case 'wage': return { kind: 'wage', rows: [{ worker: 'A', period: 'hour', basePay: 80, regularHours: 160, overtimeHours: 4, overtimePay: 400 }] };
    case 'text': return { kind: 'text', text: 'Recorded' };
  }
}

async function answerAll(auditId: string, templateId: string) {
  const detail = await t.call('templates.get', { id: templateId });
  for (const s of detail.template.sections) {
    for (const item of s.items) {
      const bad = BAD.has(item.id);
      await t.call('responses.save', { auditId, itemId: item.id, value: good(item), note: bad ? 'Seen in the records' : '', severity: bad ? 'critical' : null });
    }
  }
}

describe('an audit made under the old built-in template', () => {
  it('still opens and keeps the rating recorded at finalize after 2.0.0 is installed', async () => {
    const dir = tempDir();
    const assets = join(dir, 'assets');
    mkdirSync(assets, { recursive: true });
    t = await testCore(dir, { assetsDir: assets });
    const old = await t.call('templates.import', { json: OLD_JSON });
    expect(old.version).toBe('1.0.0');
    const site = await t.call('sites.create', SITE_INPUT);
    const audit = await t.call('audits.create', { siteId: site.id, templateId: old.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' });
    await answerAll(audit.id, old.id);
    await t.call('audits.finalize', { id: audit.id });
    const recorded = JSON.parse((t.core.db.prepare("SELECT new FROM events WHERE audit_id = ? AND action = 'finalize'").get(audit.id) as { new: string }).new) as { band: string; percent: number };
    // The old rating: the mean of section percentages, severity ignored (the defect the new scheme fixes).
    expect(recorded.band).toBe('A');

    // The shipped 2.0.0 arrives as a new template beside the old one; the old one is untouched.
    (t.core as { assetsDir: string }).assetsDir = repo('assets');
    const [installed] = installBuiltInTemplates(t.core);
    expect(installed).toMatchObject({ key: 'bpo-ethical-compliance', version: '2.1.0', builtIn: true });
    expect(installed!.id).not.toBe(old.id);
    expect((await t.call('templates.list', {})).map((x) => x.version).sort()).toEqual(['1.0.0', '2.1.0']);

    const opened = await t.call('audits.get', { id: audit.id });
    expect(opened.audit).toMatchObject({ status: 'finalized', templateId: old.id });
    const score = await t.call('audits.score', { id: audit.id });
    expect({ band: score.band.band, percent: score.percent }).toEqual({ band: recorded.band, percent: recorded.percent });

    // The same answers under 2.0.0 rate E: three of the four are zero-tolerance items.
    const again = await t.call('audits.create', { siteId: site.id, templateId: installed!.id, type: 'announced', startDate: '2026-11-03', endDate: '2026-11-03' });
    await answerAll(again.id, installed!.id);
    const now = await t.call('audits.score', { id: again.id });
    expect(now.band.band).toBe('E');
    expect(now.zeroToleranceAlerts?.map((a) => a.itemId).sort()).toEqual(['lab.child-labour', 'lab.deposits-fees', 'lab.forced-labour']);
    expect(now.explanation).toMatch(/^Rated by the amfori BSCI-style A–E scheme\./);
  });
});

describe('the zero-tolerance flag and the template', () => {
  async function builtInAudit() {
    t = await testCore(tempDir(), { assetsDir: repo('assets') });
    const [tpl] = await t.call('templates.list', {});
    const site = await t.call('sites.create', SITE_INPUT);
    return t.call('audits.create', { siteId: site.id, templateId: tpl!.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02' });
  }
  const row = (auditId: string, itemId: string) =>
    t.core.db.prepare('SELECT zero_tolerance FROM responses WHERE audit_id = ? AND item_id = ?').get(auditId, itemId) as { zero_tolerance: number };

  it('is dropped when the answer is no longer non-compliant, in the store and in the event', async () => {
    const audit = await builtInAudit();
    const nc = await t.call('responses.save', { auditId: audit.id, itemId: 'grv.non-retaliation', value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Agent moved after the last audit', severity: 'critical', zeroTolerance: true });
    expect(nc.response.zeroTolerance).toBe(true);
    expect(nc.finding?.zeroTolerance).toBe(true);
    const na = await t.call('responses.save', { auditId: audit.id, itemId: 'grv.non-retaliation', value: { kind: 'compliance', answer: 'not_applicable' }, note: 'Agent moved after the last audit', severity: 'critical', zeroTolerance: true });
    expect(na.response.zeroTolerance).toBe(false);
    expect(na.finding).toBeNull();
    expect(row(audit.id, 'grv.non-retaliation').zero_tolerance).toBe(0);
    const ev = t.core.db.prepare("SELECT new FROM events WHERE audit_id = ? AND entity = 'response' ORDER BY seq DESC LIMIT 1").get(audit.id) as { new: string };
    expect(JSON.parse(ev.new)).toMatchObject({ zeroTolerance: false, value: { answer: 'not_applicable' } });
    expect((await t.call('audits.score', { id: audit.id })).zeroTolerance).toBe(false);
  });

  it('a zero-tolerance item’s finding is zero tolerance and graded by the item’s default severity without the auditor ticking anything', async () => {
    const audit = await builtInAudit();
    const r = await t.call('responses.save', { auditId: audit.id, itemId: 'lab.id-documents', value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Passports in the HR safe' });
    expect(r.response).toMatchObject({ zeroTolerance: false, severity: null });
    expect(r.finding).toMatchObject({ zeroTolerance: true, severity: 'critical' });
    const score = await t.call('audits.score', { id: audit.id });
    expect(score.zeroToleranceAlerts).toEqual([expect.objectContaining({ itemId: 'lab.id-documents', flaggedBy: 'template', summary: 'Passports in the HR safe' })]);
    expect(score.blockers.filter((b) => b.itemId === 'lab.id-documents').map((b) => b.reason)).toEqual(['missing_evidence']);
  });
});
