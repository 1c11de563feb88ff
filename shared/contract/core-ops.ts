// Operations of the foundation and the walkthrough: profile, sites,
// templates, audits, responses, findings, corrective actions, notes.
import { z } from 'zod';
import { op } from './define';
import { MessageSchema } from '../domain/message';
import { Id } from '../domain/common';
import { Profile, ProfileInput } from '../domain/profile';
import { Site, SiteInput } from '../domain/site';
import { CountryLegalProfile } from '../domain/legal-profile';
import { Audit, AuditDetail, AuditInput, AuditSummary } from '../domain/audit';
import { AuditBrowse, AuditBrowseQuery, AuditListQuery } from '../domain/audit-list';
import { Response, ResponseInput } from '../domain/response';
import { ActionInput, CorrectiveAction, Finding, Note, NoteInput } from '../domain/finding';
import { ScoreResult } from '../domain/score';
import { Template } from '../template/schema';

const none = z.strictObject({});
const byId = z.strictObject({ id: Id });
const byAudit = z.strictObject({ auditId: Id });

export const TemplateInfo = z.object({
  id: Id, key: z.string(), version: z.string(), name: z.string(), hash: z.string(),
  sections: z.number().int(), items: z.number().int(), builtIn: z.boolean(),
});
export type TemplateInfo = z.infer<typeof TemplateInfo>;

export const AppInfo = z.object({
  version: z.string(), dataDir: z.string(), databasePath: z.string(), schemaVersion: z.number().int(),
});

/** The database's full integrity check: on open for small files, in the background for large ones. */
export const Integrity = z.object({
  state: z.enum(['checking', 'ok', 'damaged', 'unchecked']),
  onOpen: z.enum(['full', 'bounded']),
  checkedAt: z.string().nullable(),
  problems: z.array(z.string()),
  /** What to do, when damaged. */
  message: z.string().nullable(),
  /** The same as a message, for the UI to say in its language. */
  text: MessageSchema.nullable().optional(),
});
export type Integrity = z.infer<typeof Integrity>;

export const coreOps = {
  'app.info': op({ summary: 'Version and where data is stored', input: none, output: AppInfo }),
  'app.integrity': op({ summary: "The database integrity check's state; when damaged, nothing more is saved", input: none, output: Integrity }),

  'profile.get': op({ summary: "The auditor's profile, or null before first run", input: none, output: Profile.nullable() }),
  'profile.save': op({ summary: "Create or update the profile; the first save makes the auditor's signing key", input: ProfileInput, output: Profile }),

  'sites.list': op({ summary: 'All sites', input: none, output: z.array(Site) }),
  'sites.create': op({ summary: 'Create a site', input: SiteInput, output: Site }),
  'sites.update': op({ summary: 'Update a site', input: z.strictObject({ id: Id, site: SiteInput }), output: Site }),
  'sites.legalProfiles': op({ summary: 'The bundled country legal profiles that prefill a site', input: none, output: z.array(CountryLegalProfile) }),

  'templates.list': op({ summary: 'Installed templates', input: none, output: z.array(TemplateInfo) }),
  'templates.get': op({ summary: 'One template body', input: byId, output: z.object({ info: TemplateInfo, template: Template }) }),
  'templates.import': op({ summary: 'Import a template from JSON text; every error is listed by path', input: z.strictObject({ json: z.string().max(5_000_000) }), output: TemplateInfo }),

  'audits.list': op({ summary: 'Audits, newest first, with filters, a page at a time when a limit is given', input: AuditListQuery, output: z.array(AuditSummary) }),
  'audits.browse': op({ summary: "The home screen: each group's count and its first rows, newest first, filtered in SQL", input: AuditBrowseQuery, output: AuditBrowse }),
  'audits.create': op({ summary: 'Start a new audit', input: AuditInput, output: Audit }),
  'audits.get': op({ summary: 'Everything recorded for one audit', input: byId, output: AuditDetail }),
  'audits.score': op({ summary: 'Scores, rating band and what blocks finalizing', input: byId, output: ScoreResult }),
  'audits.finalize': op({ summary: 'Lock the audit; refused while blockers remain', input: byId, output: Audit }),
  'audits.reopen': op({ summary: 'Make a new editable revision of a finalized audit', input: byId, output: Audit }),
  'audits.verifyChain': op({ summary: "Check the audit's event hash chain", input: byId, output: z.object({ ok: z.boolean(), events: z.number().int(), brokenAt: z.number().int().nullable(), reason: z.string().nullable() }) }),

  'responses.save': op({ summary: 'Save one answer (autosave)', input: ResponseInput, output: z.object({ response: Response, finding: Finding.nullable() }) }),
  'findings.list': op({ summary: 'Findings of an audit', input: byAudit, output: z.array(Finding) }),
  'actions.save': op({ summary: 'Create or update a corrective action', input: ActionInput, output: CorrectiveAction }),
  'actions.delete': op({ summary: 'Delete a corrective action', input: byId, output: z.object({ deleted: z.boolean() }) }),
  'notes.save': op({ summary: 'Create or update a note', input: NoteInput, output: Note }),
  'profile.enrolmentCode': op({ summary: "The auditor's enrolment code for headquarters: name, auditor ID and public signing key", input: none, output: z.object({ code: z.string(), fingerprint: z.string(), fileName: z.string() }) }),
  'notes.delete': op({ summary: 'Delete a note; refused once the audit is finalized', input: byId, output: z.object({ deleted: z.boolean() }) }),

  'demo.create': op({ summary: 'Create the demo site and audits', input: none, output: z.object({ auditIds: z.array(Id) }) }),
  'jobs.get': op({ summary: 'State of a long-running job', input: byId, output: z.object({
    id: Id, kind: z.string(), state: z.enum(['running', 'done', 'failed']),
    // `message` in English (the command line), `text` the same step or refusal for the UI to say.
    progress: z.number().min(0).max(1), message: z.string(), text: MessageSchema.optional(), result: z.unknown().optional(),
    error: z.object({ code: z.string(), message: z.string(), text: MessageSchema.optional() }).optional(),
  }) }),
};
