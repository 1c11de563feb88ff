import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templateItems } from '../../../shared/template/schema';
import { checkTemplate } from '../../../electron/core/template-file';

const file = fileURLToPath(new URL('../../../assets/templates/bpo-ethical-compliance.json', import.meta.url));
const text = readFileSync(file, 'utf8');

function load() {
  const r = checkTemplate(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r;
}

describe('built-in template "BPO site ethical compliance"', () => {
  it('validates and has the expected identity', () => {
    const { template, hash } = load();
    expect(template.schema).toBe('fairsite.template/1');
    expect(template.key).toBe('bpo-ethical-compliance');
    expect(template.version).toBe('2.1.0');
    expect(template.name).toBe('BPO site ethical compliance');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has at least 7 sections and 80 items, each with guidance, evidence and references', () => {
    const { template } = load();
    expect(template.sections.length).toBeGreaterThanOrEqual(7);
    const items = templateItems(template);
    expect(items.length).toBeGreaterThanOrEqual(80);
    for (const { item } of items) {
      expect(item.guidance.length, item.id).toBeGreaterThan(60);
      expect(item.evidence.length, item.id).toBeGreaterThan(0);
      expect(item.references.length, item.id).toBeGreaterThan(0);
    }
  });

  it('covers the sections the issue lists', () => {
    const titles = load().template.sections.map((s) => s.title.toLowerCase());
    for (const words of ['management', 'labour', 'wages', 'health', 'data security', 'environment', 'grievance']) {
      expect(titles.some((t) => t.includes(words)), words).toBe(true);
    }
  });

  it('uses unique ids across sections and items', () => {
    const { template } = load();
    const ids = [...template.sections.map((s) => s.id), ...templateItems(template).map((x) => x.item.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('includes a wage check, an hours sample with ETI limits, number items with thresholds, choices and text', () => {
    const { template } = load();
    const items = templateItems(template).map((x) => x.item);
    const kinds = new Set(items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['choice', 'compliance', 'hours', 'number', 'text', 'wage']);
    const hours = items.find((i) => i.kind === 'hours');
    expect(hours?.kind === 'hours' && hours.limits).toEqual({ contracted: 48, total: 60, maxDaysWorked: 6 });
    const noise = items.find((i) => i.kind === 'number' && i.unit === 'dB(A)');
    // LEX,8h: the EU lower action value (80) is an observation, the upper (85) a non-compliance.
    expect(noise?.kind === 'number' && noise.thresholds).toEqual({ warnAbove: 80, failAbove: 85 });
    expect(items.some((i) => i.kind === 'choice' && i.options.some((o) => o.finding))).toBe(true);
  });

  it('names the call-centre hazards and data security controls the checklist must cover', () => {
    const body = text.toLowerCase();
    for (const phrase of ['acoustic shock', 'headset', 'ergonomic', 'fire exit', 'night shift', 'badge', 'clean desk', 'clear screen', 'personal phones', 'disposal', 'screen lock', 'non-retaliation']) {
      expect(body.includes(phrase) || body.includes(phrase.replace(' ', '-')), phrase).toBe(true);
    }
    for (const clause of ['A.7.7', 'A.7.2', 'A.7.10', 'A.7.14', 'A.8.1', '9.4', '12.6']) expect(text).toContain(clause);
  });

  it('flags zero-tolerance items as data and asks for photo evidence where it is natural', () => {
    const items = templateItems(load().template).map((x) => x.item);
    const zt = items.filter((i) => i.zeroTolerance === true).map((i) => i.id).sort();
    // amfori's list: child labour, forced/bonded labour and trafficking (incl. retained identity documents and
    // recruitment-fee debt), imminent danger to life, bribery of the auditor, hidden production, threats and degrading treatment.
    expect(zt).toEqual([
      'grv.auditor-bribery', 'hs.fire-exits', 'hs.imminent-danger', 'lab.child-labour', 'lab.deposits-fees', 'lab.forced-labour',
      'lab.id-documents', 'lab.inhumane-treatment', 'lab.trafficking', 'mgt.undisclosed-production',
    ]);
    for (const i of items.filter((x) => x.zeroTolerance)) {
      expect(i.severity, i.id).toBe('critical');
      expect(i.key, i.id).toBe(true);
    }
    const photo = items.filter((i) => i.rules.requireEvidenceOn.includes('non_compliant')).map((i) => i.id);
    expect(photo).toEqual(expect.arrayContaining(['hs.fire-exits', 'sec.clean-desk', 'sec.no-phones', 'sec.disposal']));
    // Compliance items keep the default rule: a non-compliance needs a severity and a note.
    for (const i of items.filter((x) => x.kind === 'compliance')) {
      expect(i.rules.requireSeverityOn, i.id).toContain('non_compliant');
      expect(i.rules.requireNoteOn, i.id).toContain('non_compliant');
    }
  });

  it('hashes the same whatever the file layout', () => {
    const { hash } = load();
    const compact = checkTemplate(JSON.stringify(JSON.parse(text)));
    expect(compact.ok && compact.hash).toBe(hash);
  });

  it('carries a rating scheme, severity definitions and a default severity on every scored item', () => {
    const { template } = load();
    expect(template.rating?.grades.map((g) => g.grade)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(template.rating?.severityCaps).toEqual({ critical: 'D', major: 'C' });
    expect(template.rating?.description).toMatch(/not amfori's confirmed table/);
    expect(Object.keys(template.severities ?? {})).toEqual(['critical', 'major', 'minor']);
    for (const { item } of templateItems(template)) if (item.kind !== 'text') expect(item.severity, item.id).toBeDefined();
  });

  it('cites current editions and the corrected clauses', () => {
    const { template } = load();
    const items = new Map(templateItems(template).map((x) => [x.item.id, x.item]));
    const refs = (id: string) => items.get(id)!.references.map((r) => `${r.standard} ${r.clause}`);
    const smeta = templateItems(template).flatMap((x) => x.item.references).filter((r) => r.standard === 'SMETA');
    expect(smeta.length).toBeGreaterThan(10);
    for (const r of smeta) expect(r.clause).toMatch(/^7\.0 /);
    expect(text).not.toMatch(/v4\.0[^.]/);
    expect(template.description).toContain('PCI DSS v4.0.1');
    expect(refs('mgt.subcontracting').some((r) => r.startsWith('ETI 8.2'))).toBe(true);
    expect(refs('mgt.training').some((r) => r.startsWith('ETI 3.2'))).toBe(false);
    expect(items.get('wh.rest-between-shifts')!.prompt).not.toMatch(/11 hours/);
    expect(refs('lab.maternity').filter((r) => r.startsWith('SA8000')).length).toBe(2);
    expect(refs('sec.breach-to-controller')).toContain('GDPR Art. 33(2) Processor notifies the controller without undue delay');
    const living = items.get('wh.living-wage')!;
    expect(living.kind === 'choice' && living.options.filter((o) => o.finding).map((o) => o.value)).toEqual(['between', 'at-minimum']);
    const time = items.get('wh.time-recording')!;
    expect(time.kind === 'choice' && time.options.filter((o) => o.finding).map((o) => o.value)).toEqual(['manual', 'none']);
  });

  it('covers the topics a BPO audit must include, each with guidance, evidence and references', () => {
    const ids = new Set(templateItems(load().template).map((x) => x.item.id));
    for (const id of [
      'hs.content-moderation', 'hs.high-rise-evacuation', 'hs.emergency-lighting', 'sec.logging', 'sec.monitoring', 'sec.dpa-contents',
      'sec.sub-processors', 'sec.breach-to-controller', 'sec.pci-responsibility', 'wh.home-workers', 'lab.retrenchment', 'lab.trafficking',
      'lab.right-to-work', 'env.energy', 'env.e-waste', 'env.water', 'mgt.client-purchasing', 'mgt.provider-due-diligence', 'mgt.contract-ethics',
      'grv.business-ethics', 'grv.stakeholder-engagement',
    ]) expect(ids.has(id), id).toBe(true);
    for (const clause of ['A.8.15', 'A.8.16', 'Art. 28(3)', 'Art. 28(2)', '12.8.5', '12.9', '9.7 External verification']) expect(text).toContain(clause);
  });
});
