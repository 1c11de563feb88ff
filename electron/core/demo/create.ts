// The demo: one Cebu contact centre, a finalized audit with findings and
// corrective actions, and an audit in progress, so a newcomer sees the app
// working at once. Built through the same repositories as real work.
import type { Core } from '../core';
import type { TemplateItem, TemplateSection } from '../../../shared/template/schema';
import { listTemplates, loadTemplate, type LoadedTemplate } from '../store/repos/templates';
import { createSite, listSites } from '../store/repos/sites';
import { createAudit, listAudits } from '../store/repos/audits';
import { saveResponse } from '../store/repos/responses';
import { saveAction } from '../store/repos/actions';
import { saveNote } from '../store/repos/notes';
import { getProfile } from '../store/repos/profile';
import { finalizeAudit } from '../store/repos/lifecycle';
import { demoValue } from './answers';
import { listCountryProfiles } from '../legal-profiles';
import type { LegalProfile } from '../../../shared/domain/legal-profile';
import { AUDIT_NOTES, CHECK_ACTIONS, DEMO_ISSUES, GENERIC_ISSUE, GOOD_PRACTICE, type DemoIssue } from './texts';
import { write } from '../store/write';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

export const DEMO_SITE_NAME = 'Northwind Contact Centre, Cebu';
const BUILT_IN_KEY = 'bpo-ethical-compliance';

const DEMO_SITE = {
  name: DEMO_SITE_NAME,
  clients: ['Harbor Telecom', 'Lumen Health Insurance'],
  address: 'Tower 2, Cebu IT Park, Lahug, Cebu City 6000',
  country: 'PH',
  headcount: 1150,
  shifts: '06:00–15:00, 14:00–23:00, 22:00–07:00 (night shift serves US clients)',
  currency: 'PHP',
};

/** The Philippines profile, with the demo's own entry for the regional minimum (fictional: check the wage order in force). */
function demoLegalProfile(core: Core): LegalProfile {
  const ph = listCountryProfiles(core).find((p) => p.country === 'PH');
  if (!ph) throw refusal('not_found', msg('demo.noProfile'));
  return { ...ph.profile, minWage: 540, notes: `Demo site: 540 PHP a day is the demo's entry, not a checked figure. ${ph.profile.notes}` };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function pickTemplate(core: Core): LoadedTemplate {
  const all = listTemplates(core.db);
  const t = all.find((x) => x.key === BUILT_IN_KEY) ?? all.find((x) => x.builtIn) ?? all[0];
  if (!t) throw refusal('not_found', msg('demo.noTemplate'));
  return loadTemplate(core, t.id);
}

type Entry = { item: TemplateItem; section: TemplateSection };

/** Items that get a non-compliance: one per demo issue that matches, plus one computed breach per checking kind. */
function chooseBreaches(entries: Entry[]): Map<string, DemoIssue | null> {
  const out = new Map<string, DemoIssue | null>();
  const canFail = (e: Entry) => !e.item.rules.requireEvidenceOn.includes('non_compliant');
  const usable = (x: Entry) => x.item.kind === 'compliance' && canFail(x) && !out.has(x.item.id);
  for (const issue of DEMO_ISSUES) {
    const e = entries.find((x) => usable(x) && x.item.id === issue.itemId) ?? entries.find((x) => usable(x) && issue.match.test(x.item.prompt));
    if (e) out.set(e.item.id, issue);
  }
  for (const kind of ['wage', 'hours'] as const) {
    const e = entries.find((x) => x.item.kind === kind && canFail(x));
    if (e) out.set(e.item.id, null);
  }
  // A small template may match nothing: still show at least two findings.
  for (const e of entries) {
    if (out.size >= 2) break;
    if (e.item.kind === 'compliance' && canFail(e) && !out.has(e.item.id)) out.set(e.item.id, { ...GENERIC_ISSUE, itemId: e.item.id, match: /./ });
  }
  return out;
}

function answer(core: Core, auditId: string, e: Entry, breach: DemoIssue | null | undefined): void {
  const failing = breach !== undefined;
  const value = demoValue(e.item, failing);
  const outcome = value.kind === 'compliance' ? value.answer : failing ? 'non_compliant' : 'compliant';
  const needsNote = e.item.rules.requireNoteOn.includes(outcome);
  const needsSeverity = e.item.rules.requireSeverityOn.includes(outcome);
  saveResponse(core, {
    auditId, itemId: e.item.id, value,
    note: breach ? breach.note : needsNote || failing ? 'Checked against payroll and time records for the sampled agents.' : '',
    // A computed breach takes the template's default severity, as the walkthrough would give it.
    severity: breach ? breach.severity : needsSeverity || failing ? e.item.severity ?? 'major' : null,
    zeroTolerance: false,
  });
}

/** `finalize: false` leaves the first audit open so evidence can be added before it is finalized. */
export function createDemo(core: Core, opts: { finalize?: boolean } = {}): { auditIds: string[] } {
  const existing = listSites(core.db).find((s) => s.name === DEMO_SITE_NAME);
  if (existing) return { auditIds: listAudits(core, { siteId: existing.id }).map((a) => a.id) };

  const t = pickTemplate(core);
  const entries = [...t.items.values()];
  const previousActor = core.actor;
  if (core.actor === 'unknown') core.actor = 'Maria Santos (demo)';
  try {
    return write(core, () => {
      const site = createSite(core, { ...DEMO_SITE, timeZone: 'Asia/Manila', legal: demoLegalProfile(core) });
      const base = { siteId: site.id, templateId: t.info.id, team: ['Maria Santos', 'Jun Reyes'] };
      const lead = getProfile(core.db)?.name ?? 'Maria Santos';

      const done = createAudit(core, { ...base, type: 'announced', startDate: '2026-05-12', endDate: '2026-05-13', scope: 'Full site: both client floors, back office, canteen and shuttle service.' }, lead);
      const breaches = chooseBreaches(entries);
      for (const e of entries) answer(core, done.id, e, breaches.get(e.item.id));
      for (const body of AUDIT_NOTES) saveNote(core, { auditId: done.id, scope: 'audit', ref: '', body });
      // One practice worth sharing, so the report's good-practice chapter has something to show.
      const good = entries.find((e) => e.item.id === GOOD_PRACTICE.itemId) ?? entries.find((e) => e.item.kind === 'compliance' && !breaches.has(e.item.id) && GOOD_PRACTICE.match.test(e.item.prompt));
      if (good) saveResponse(core, { auditId: done.id, itemId: good.item.id, value: { kind: 'compliance', answer: 'good_practice' }, note: GOOD_PRACTICE.note, severity: null, zeroTolerance: false });
      const findings = core.db.prepare('SELECT id, item_id FROM findings WHERE audit_id = ?').all(done.id) as Array<{ id: string; item_id: string }>;
      findings.forEach((f, i) => {
        const kind = t.items.get(f.item_id)?.item.kind;
        const issue = breaches.get(f.item_id) ?? CHECK_ACTIONS[kind === 'hours' ? 'hours' : 'wage'];
        saveAction(core, {
          findingId: f.id, action: issue.action, owner: issue.owner, dueDate: i % 2 ? '2026-06-30' : '2026-07-31',
          status: i === 0 ? 'closed' : i % 2 ? 'in_progress' : 'open', verification: i === 0 ? 'Seen closed at the follow-up visit on 2026-06-10.' : '',
          ...(issue.capr ?? {}),
        });
      });
      if (opts.finalize !== false) finalizeAudit(core, done.id);

      const now = new Date();
      const start = isoDay(new Date(now.getTime() - 86_400_000));
      const open = createAudit(core, { ...base, type: 'unannounced', startDate: start, endDate: isoDay(now), scope: 'Follow-up visit: night shift and PCI floor.' }, lead);
      // Answers in every section, about two thirds of each, one issue still open.
      const current = chooseBreaches(entries);
      let kept = 0;
      for (const s of t.template.sections) {
        s.items.forEach((item, i) => {
          if (i % 3 === 2) return;
          const issue = current.get(item.id);
          const stillOpen = issue !== undefined && kept++ < 1;
          answer(core, open.id, { item, section: s }, stillOpen ? issue : undefined);
        });
      }
      saveNote(core, { auditId: open.id, scope: 'audit', ref: '', body: 'Unannounced visit at 22:30; site director joined at 23:10.' });
      return { auditIds: [open.id, done.id] };
    });
  } finally {
    core.actor = previousActor;
  }
}
