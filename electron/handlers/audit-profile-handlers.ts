// Handlers of the audit profile, credentials and consistency operations.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { auditProfileOps } from '../../shared/contract/audit-profile-ops';
import { getAuditProfile, getCredentials, saveAuditProfile, saveCredentials, setAcknowledgement } from '../core/store/repos/audit-profile';
import { consistencyOf } from '../core/report/consistency-load';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

type AuditProfileHandlers = { [K in keyof typeof auditProfileOps]: Handler<K, Core> };

export const auditProfileHandlers: AuditProfileHandlers = {
  'auditProfile.get': ({ auditId }, core) => getAuditProfile(core.db, auditId),
  'auditProfile.save': (input, core) => saveAuditProfile(core, input),
  'credentials.get': (_i, core) => getCredentials(core.db),
  'credentials.save': (input, core) => saveCredentials(core, input),
  'consistency.list': ({ auditId }, core) => consistencyOf(core, auditId),
  'consistency.acknowledge': ({ auditId, key, acknowledged, note }, core) => {
    if (acknowledged && !consistencyOf(core, auditId).some((w) => w.key === key)) {
      throw refusal('not_found', msg('profile.warningGone'));
    }
    setAcknowledgement(core, auditId, key, acknowledged, note);
    return consistencyOf(core, auditId);
  },
};
