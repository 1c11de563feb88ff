// What headquarters says when an audit is handed over to another auditor's
// key (electron/core/hq/owners.ts, on either engine): the `core` namespace with core.ts.
export default {
  'hqAdmin.noAudit': 'Headquarters holds no audit {{audit}}; nothing was changed.',
  'hqAdmin.noKey': 'No enrolled key has that fingerprint; enrol the receiving auditor first. Nothing was changed.',
  'hqAdmin.revokedKey': 'That key was revoked; an audit cannot be handed over to it. Nothing was changed.',
  'hqAdmin.sameKey': 'Audit {{audit}} already belongs to that key; nothing was changed.',
};
