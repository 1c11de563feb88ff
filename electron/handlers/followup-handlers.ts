// Handlers of the follow-up operations (corrective actions after finalize, follow-up audits).
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { followupOps } from '../../shared/contract/followup-ops';
import { addClosureEvidence, listTracks, updateTrack } from '../core/followup/tracks';
import { verifyActionChain } from '../core/followup/chain';
import { followUpView, startFollowUp, verifyFinding } from '../core/followup/audits';
import { lastAuditFor } from '../core/followup/last-audit';

type FollowupHandlers = { [K in keyof typeof followupOps]: Handler<K, Core> };

export const followupHandlers: FollowupHandlers = {
  'followup.actions': ({ auditId }, core) => listTracks(core, auditId),
  'followup.updateAction': (input, core) => updateTrack(core, input),
  'followup.addEvidence': (input, core) => addClosureEvidence(core, input),
  'followup.verifyChain': ({ auditId }, core) => verifyActionChain(core.db, auditId),
  'followup.start': (input, core) => startFollowUp(core, input),
  'followup.get': ({ auditId }, core) => followUpView(core, auditId),
  'followup.verify': (input, core) => verifyFinding(core, input),
  'followup.lastAudit': ({ auditId }, core) => lastAuditFor(core, auditId),
};
