// A laptop takes HQ's configuration package: read strictly, HQ's signature
// checked, the signer compared with the key the person was given and with
// the HQ whose package was imported before, every template checked; then,
// in one transaction, HQ's encryption key, the upload address and the
// templates (installed like any template: by content hash, a changed
// checklist only under a new version). Any refusal changes nothing.
import { AppError, type FieldError } from '../../../shared/errors';
import { msg, type Message } from '../../../shared/messages';
import { issueField, refusal } from '../../../shared/core-messages';
import { HqConfigApplied, HqConfigPackage, type HqConfigBody } from '../../../shared/domain/hq-config';
import { checkTemplate } from '../template-file';
import type { Template } from '../../../shared/template/schema';
import { stmt } from '../store/stmt';
import { write } from '../store/write';
import { installTemplate } from '../store/repos/templates';
import { getSetting, setHqRecipient, setSetting } from '../sync/settings';
import { endpointInfo, saveEndpoint } from '../sync/endpoint';
import type { Core } from '../core';
import { endorsingKey, sameFingerprint, verifyPackage } from './signing';

const SIGNER = 'hqConfig.signer';
const APPLIED = 'hqConfig.applied';

/** Every refusal ends by saying nothing was changed; the UI says it from the message. */
const refused = (reason: Message, fields?: FieldError[], code: AppError['code'] = 'rejected') => refusal(code, msg('hqConfig.refused', { reason }), fields);

export function readHqConfig(text: string): HqConfigPackage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refused(msg('hqConfig.notJson'));
  }
  const p = HqConfigPackage.safeParse(json);
  if (!p.success) {
    throw refused(msg('hqConfig.unreadable'), p.error.issues.slice(0, 20).map((i) => issueField(i, i.path.join('.'))));
  }
  return p.data;
}

function checkedTemplates(body: HqConfigBody): Array<{ template: Template; hash: string }> {
  return body.templates.map((t, i) => {
    const v = checkTemplate(JSON.stringify(t));
    if (!v.ok) throw refused(msg('hqConfig.templateProblems', { n: i + 1, count: v.total }), v.errors.map((e) => ({ ...e, path: `templates.${i}.${e.path}` })));
    return { template: v.template, hash: v.hash };
  });
}

export function hqConfigStatus(core: Core): HqConfigApplied | null {
  const raw = getSetting(core, APPLIED);
  return raw ? HqConfigApplied.parse(JSON.parse(raw)) : null;
}

export function importHqConfig(core: Core, text: string, expectFingerprint?: string): HqConfigApplied {
  const p = readHqConfig(text);
  const fingerprint = verifyPackage(p);
  if (!fingerprint) throw refused(msg('hqConfig.badSignature'));
  if (expectFingerprint && !sameFingerprint(expectFingerprint, fingerprint)) {
    throw refused(msg('hqConfig.notGivenKey', { fingerprint, expected: expectFingerprint }));
  }
  // Another key than the one trusted: taken only when HQ rotated it (the trusted key endorses it in the package)
  // or when the person typed the new key's fingerprint, as HQ shows it (an explicit re-trust).
  const trusted = getSetting(core, SIGNER);
  const rotated = !!trusted && sameFingerprint(endorsingKey(p) ?? '', trusted);
  const retrusted = !!expectFingerprint;
  if (trusted && !sameFingerprint(trusted, fingerprint) && !rotated && !retrusted) {
    throw refused(msg('hqConfig.notTrustedKey', { fingerprint, trusted }));
  }
  const before = hqConfigStatus(core);
  // Older than the one imported from the same HQ (its key, or the key it rotated from): a replayed package.
  if (before && (sameFingerprint(before.fingerprint, fingerprint) || rotated) && p.body.issuedAt < before.issuedAt) {
    throw refused(msg('hqConfig.older', { issued: p.body.issuedAt, before: before.issuedAt }));
  }
  const templates = checkedTemplates(p.body);
  const { body } = p;
  try {
    return apply(core, body, fingerprint, templates);
  } catch (err) {
    // A template version that clashes with an installed one (or any write refused) undoes the whole import.
    if (err instanceof AppError && err.code !== 'internal') throw refused(err.text ?? msg('core.asWritten', { text: err.message }), err.fields, err.code === 'conflict' ? 'rejected' : err.code);
    throw err;
  }
}

function apply(core: Core, body: HqConfigBody, fingerprint: string, templates: Array<{ template: Template; hash: string }>): HqConfigApplied {
  return write(core, () => {
    setHqRecipient(core, body.hqRecipient);
    // The address as saved (a WebDAV folder ends in /): an unchanged address keeps the auditor's own sign-in.
    const url = body.upload.kind === 'webdav' && !body.upload.url.endsWith('/') ? `${body.upload.url}/` : body.upload.url;
    const current = endpointInfo(core);
    if (!current || current.kind !== body.upload.kind || current.url !== url) saveEndpoint(core, { kind: body.upload.kind, url, auth: 'none' });
    const listed = templates.map(({ template, hash }) => {
      const known = stmt(core.db, 'SELECT 1 FROM templates WHERE hash = ?').get(hash) !== undefined;
      const info = installTemplate(core, template, hash, false);
      return { key: info.key, version: info.version, name: info.name, installed: !known };
    });
    const applied: HqConfigApplied = { organisation: body.organisation, issuedAt: body.issuedAt, fingerprint, hqRecipient: body.hqRecipient, upload: { kind: body.upload.kind, url }, templates: listed };
    setSetting(core, SIGNER, fingerprint);
    setSetting(core, APPLIED, JSON.stringify(applied));
    return applied;
  });
}
