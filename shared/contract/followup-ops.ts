// Operations after an audit is finalized: the corrective actions' own chain
// (status, dates, who verified, closure evidence) and follow-up audits.
import { z } from 'zod';
import { op } from './define';
import { Id } from '../domain/common';
import { ActionTrack, ActionUpdateInput, ChainCheck, ClosureEvidenceInput, FollowUpStartInput, FollowUpVerifyInput, FollowUpView, LastAudit } from '../domain/followup';
import { Audit } from '../domain/audit';

const byAudit = z.strictObject({ auditId: Id });

export const followupOps = {
  'followup.actions': op({ summary: "A finalized audit's corrective actions with where each stands now, its history and closure evidence", input: byAudit, output: z.array(ActionTrack) }),
  'followup.updateAction': op({ summary: "Record an action's next status (open → in progress → submitted → closed / not closed) with its date; the audit itself is not changed", input: ActionUpdateInput, output: ActionTrack }),
  'followup.addEvidence': op({ summary: 'Add closure evidence to an action: a file the site sent (desk review) with the date received, or one taken on site', input: ClosureEvidenceInput, output: ActionTrack }),
  'followup.verifyChain': op({ summary: "Check the hash chain of a finalized audit's action updates", input: byAudit, output: ChainCheck }),
  'followup.start': op({ summary: 'Start a follow-up (on-site or desk review) of a finalized audit; it carries every finding still open with its actions', input: FollowUpStartInput, output: Audit }),
  'followup.get': op({ summary: 'A follow-up: each carried finding with its actions and verification, the new findings, and the grade before and after', input: byAudit, output: FollowUpView }),
  'followup.lastAudit': op({ summary: "The site's previous finalized audit beside this one: per item the answer, severity and each action's status now; null when there is none", input: byAudit, output: LastAudit.nullable() }),
  'followup.verify': op({ summary: "Record a carried finding's verification (closed, partially closed, not closed) with notes and evidence", input: FollowUpVerifyInput, output: FollowUpView }),
};
