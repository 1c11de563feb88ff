// Handlers of the core operations. Inputs arrive already parsed by the
// contract (dispatch.ts); each handler is one call into the core.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { coreOps } from '../../shared/contract/core-ops';
import { getProfile } from '../core/store/repos/profile';
import { enrolmentCode } from '../../shared/enrolment';
import { createSite, listSites, updateSite } from '../core/store/repos/sites';
import { listCountryProfiles } from '../core/legal-profiles';
import { importTemplate, listTemplates, loadTemplate } from '../core/store/repos/templates';
import { auditDetail, createAudit, listAudits, getAudit } from '../core/store/repos/audits';
import { finalizeAudit, reopenAudit, scoreOf } from '../core/store/repos/lifecycle';
import { saveResponse } from '../core/store/repos/responses';
import { listFindings } from '../core/store/repos/findings';
import { deleteAction, saveAction } from '../core/store/repos/actions';
import { deleteNote, saveNote } from '../core/store/repos/notes';
import { finalizeFollowUp } from '../core/followup/audits';
import { createDemoFollowUp } from '../core/demo/followup';
import { verifyChain } from '../core/store/events';
import { saveProfileWithKey } from '../core/profile-service';
import { createFullDemo } from '../core/demo/evidence';
import { browseAudits } from '../core/store/repos/audit-browse';
import { integrityReport } from '../core/store/integrity';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

type CoreHandlers = { [K in keyof typeof coreOps]: Handler<K, Core> };

export const coreHandlers: CoreHandlers = {
  'app.info': (_i, core) => ({ version: core.appVersion, dataDir: core.dataDir, databasePath: core.paths.database, schemaVersion: core.schemaVersion }),

  'app.integrity': (_i, core) => integrityReport(core.integrity, core.paths.database),

  'profile.get': (_i, core) => getProfile(core.db),
  'profile.save': (input, core) => saveProfileWithKey(core, input),

  'sites.list': (_i, core) => listSites(core.db),
  'sites.create': (input, core) => createSite(core, input),
  'sites.update': ({ id, site }, core) => updateSite(core, id, site),
  'sites.legalProfiles': (_input, core) => listCountryProfiles(core),

  'templates.list': (_i, core) => listTemplates(core.db),
  'templates.get': ({ id }, core) => {
    const t = loadTemplate(core, id);
    return { info: t.info, template: t.template };
  },
  'templates.import': ({ json }, core) => importTemplate(core, json),

  'audits.list': (q, core) => listAudits(core, q),
  'audits.browse': (q, core) => browseAudits(core, q),
  'audits.create': (input, core) => createAudit(core, input),
  'audits.get': ({ id }, core) => auditDetail(core, id),
  'audits.score': ({ id }, core) => scoreOf(core, id),
  // A follow-up is finalized by its own rules (electron/core/followup/audits.ts).
  'audits.finalize': ({ id }, core) => (getAudit(core.db, id).kind === 'follow_up' ? finalizeFollowUp(core, id) : finalizeAudit(core, id)),
  'audits.reopen': ({ id }, core) => {
    // A reopened revision would lose the follow-up's verifications; a new follow-up of the original is the way.
    if (getAudit(core.db, id).kind === 'follow_up') throw refusal('conflict', msg('audit.reopenFollowUp'));
    return reopenAudit(core, id);
  },
  'audits.verifyChain': ({ id }, core) => {
    getAudit(core.db, id);
    return verifyChain(core.db, id);
  },

  'responses.save': (input, core) => saveResponse(core, input),
  'findings.list': ({ auditId }, core) => {
    getAudit(core.db, auditId);
    return listFindings(core.db, auditId);
  },
  'actions.save': (input, core) => saveAction(core, input),
  'actions.delete': ({ id }, core) => deleteAction(core, id),
  'notes.save': (input, core) => saveNote(core, input),
  'profile.enrolmentCode': (_i, core) => {
    const p = getProfile(core.db);
    const key = core.db.prepare('SELECT public_key FROM profile WHERE id = 1').get() as { public_key: string } | undefined;
    if (!p || !key) throw refusal('not_ready', msg('enrol.noKeyYet'));
    return { code: enrolmentCode({ name: p.name, auditorId: p.auditorId, fingerprint: p.keyFingerprint, publicKeyPem: key.public_key }), fingerprint: p.keyFingerprint, fileName: `fairsite-enrolment-${p.auditorId}.txt` };
  },
  'notes.delete': ({ id }, core) => deleteNote(core, id),

  'demo.create': async (_i, core) => {
    const made = await createFullDemo(core);
    // The demo's finalized audit ([in progress, finalized]) also gets a finalized follow-up.
    const fu = made.auditIds[1] ? createDemoFollowUp(core, made.auditIds[1]) : null;
    return fu ? { auditIds: [...made.auditIds, fu] } : made;
  },
  'jobs.get': ({ id }, core) => core.jobs.get(id),
};
