// The demo's follow-up: two months after the finalized demo audit (amfori
// recommends two to three, shared/domain/followup-grade.ts), the site's
// evidence for one action arrives by email, and an on-site follow-up
// verifies every finding still open, so a newcomer sees the whole cycle.
import type { Core } from '../core';
import { getAudit } from '../store/repos/audits';
import { addClosureEvidence, listTracks, updateTrack } from '../followup/tracks';
import { finalizeFollowUp, followUpView, startFollowUp, verifyFinding } from '../followup/audits';
import { stmt } from '../store/stmt';

const addDays = (iso: string, n: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const CLOSURE_LOG = '%PDF-1.4\n% Demo closure evidence: evacuation drill log, night shift, signed by the site manager.\n';

/** Makes and finalizes the follow-up of `auditId` once; returns its id, or null when there is one already or nothing to follow up. */
export function createDemoFollowUp(core: Core, auditId: string): string | null {
  const orig = getAudit(core.db, auditId);
  if (orig.status !== 'finalized' || orig.kind !== 'full') return null;
  if (stmt(core.db, 'SELECT 1 FROM audits WHERE follow_up_of = ?').get(auditId)) return null;
  const today = new Date().toISOString().slice(0, 10);
  const received = [addDays(orig.endDate, 50), today].sort()[0]!;
  const visit = [addDays(orig.endDate, 68), today].sort()[0]!;
  const previousActor = core.actor;
  if (core.actor === 'unknown') core.actor = 'Maria Santos (demo)';
  try {
    const open = listTracks(core, auditId).find((t) => t.status === 'in_progress');
    if (open) {
      addClosureEvidence(core, {
        actionId: open.actionId, name: 'evacuation-drill-log.pdf', mediaType: 'application/pdf', data: Buffer.from(CLOSURE_LOG).toString('base64'),
        source: 'site_sent', receivedAt: received, description: 'Emailed by the site manager after the night-shift drill.',
      });
      updateTrack(core, { actionId: open.actionId, status: 'submitted', date: received, note: 'The site reports the drill held on all three shifts.', verifiedBy: '' });
    }
    const fu = startFollowUp(core, { auditId, mode: 'on_site', startDate: visit, endDate: visit, team: ['Maria Santos'], scope: 'Follow-up visit: the findings still open after the May audit.' });
    followUpView(core, fu.id).items.forEach((item, i) => {
      const verification = i === 0 ? 'closed' : i === 1 ? 'partially_closed' : 'not_closed';
      verifyFinding(core, {
        auditId: fu.id, findingId: item.findingId, verification,
        evidence: i === 0 ? 'Drill log seen and three agents on the night shift named the assembly point.' : '',
        note: i === 0 ? '' : i === 1 ? 'Done on two shifts of three; the weekend shift is still to drill.' : 'No change seen at the visit.',
      });
    });
    return finalizeFollowUp(core, fu.id).id;
  } finally {
    core.actor = previousActor;
  }
}
