// The only way interview content leaves the laptop (reports, bundles):
// counts and themes, plus the excerpts the auditor marked for inclusion
// from interviews where the worker consented. Notes never leave, and
// neither do role, tenure, language or interviewer, which could point to
// a person.
import type { Core } from '../core';
import type { InterviewsExport } from '../../../shared/domain/evidence';
import { listInterviews } from './interviews';

function tally(values: string[]): Array<{ key: string; count: number }> {
  const m = new Map<string, { key: string; count: number }>();
  for (const v of values) {
    const key = v.trim();
    if (!key) continue;
    const k = key.toLowerCase();
    const e = m.get(k) ?? { key, count: 0 };
    e.count++;
    m.set(k, e);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function interviewsForExport(core: Core, auditId: string): InterviewsExport {
  const all = listInterviews(core, auditId);
  return {
    total: all.length,
    individual: all.filter((i) => i.type === 'individual').length,
    group: all.filter((i) => i.type === 'group').length,
    withConsent: all.filter((i) => i.consent).length,
    themes: tally(all.flatMap((i) => i.topics)).map(({ key, count }) => ({ topic: key, count })),
    findingsRaised: tally(all.flatMap((i) => i.findingsRaised)).map(({ key, count }) => ({ itemId: key, count })),
    excerpts: all.filter((i) => i.consent).flatMap((i) => i.excerpts.filter((e) => e.include === true).map((e) => ({ code: i.code, text: e.text }))),
  };
}
