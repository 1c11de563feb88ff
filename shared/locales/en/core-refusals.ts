// Why the core refused something a screen asked for (the store lock,
// reopening, jobs, enrolment, HQ's PostgreSQL database and its setting):
// the `core` namespace with core.ts. Addresses, names and figures are
// {{params}}; a server's address never carries its password.
export default {
  // An audit's lock and its revisions (electron/core/store/repos/*, handlers/core-handlers.ts).
  'audit.locked': 'This audit is finalized and read-only. Reopen it to make a new revision.',
  'audit.missing': 'That audit does not exist.',
  'audit.reopenEditable': 'Only a finalized audit can be reopened; this one is still editable.',
  'audit.reopenedAlready': 'This audit was already reopened as revision {{revision}}; continue there.',
  'audit.reopenFollowUp': 'A follow-up cannot be reopened. Start another follow-up from the original audit: it carries what is still open.',
  'job.missing': 'No such job (it may have finished before the app restarted).',
  'job.notAJob': '{{op}} does not start a job.',
  'job.stopped': 'Stopped waiting for the job.',
  'job.failed': 'The job failed.',

  // Enrolment: the laptop's code and HQ's register of keys (electron/core/hq/enrol.ts).
  'enrol.noKeyYet': 'There is no signing key yet. Save your profile first.',
  'enrol.notAKey': 'That is not an auditor public key: give the signing-key.pub file from the laptop, or the key in base64.',
  'enrol.notEd25519': 'not an Ed25519 public key',
  'enrol.revoked': 'Key {{fingerprint}} was revoked on {{date}}; a revoked key cannot be enrolled again. Ask the auditor for a new key.',
  'enrol.noFingerprint': 'No enrolled key has that fingerprint.',

  // HQ's PostgreSQL database and its setting (electron/core/hq/engine/*, handlers/hq-database-handlers.ts).
  'pg.refusedUser': 'The PostgreSQL server at {{address}} refused user "{{user}}" (wrong password, or this user may not connect from here). Enter the right password in HQ settings, or ask the server\'s administrator; nothing was changed.',
  'pg.noDatabase': 'The PostgreSQL server has no database named in {{address}}. Check the database name, or ask the server\'s administrator to create it.',
  'pg.unreachable': 'HQ\'s PostgreSQL database at {{address}} could not be reached ({{error}}). Check that the server runs, that the URL (host, port, user, password, database) is right, and that this machine may connect; then try again.',
  'pg.newerSchema': 'HQ\'s PostgreSQL database at {{address}} has schema version {{current}}, newer than this app knows ({{known}}). Update Fairsite on this machine; nothing was changed.',
  'pg.noHq': 'The PostgreSQL database at {{address}} holds no headquarters yet. Run "fairsite hq init --data HQ_DIR --db {{address}}" once to create it.',
  'pg.laptop': 'This installation is an auditor\'s laptop: only headquarters keeps an HQ database.',
  'pg.badAddress': '{{why}} Write it as postgres://user@host:5432/database (the password goes in its own field).',
  'pg.scheme': 'The address must start with postgres:// or postgresql://.',
  'pg.invalid': 'That is not a valid address.',
  'pg.noHost': 'The address names no server.',
  'pg.noUser': 'The address names no user.',
  'pg.noName': 'The address names no database.',
};
