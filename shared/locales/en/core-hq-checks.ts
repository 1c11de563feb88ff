// What headquarters found wrong in a bundle once it compared it with what it
// already holds (electron/core/hq/actions-import.ts, closure-files.ts,
// records-check.ts, report-check.ts, owners.ts): the detail said under the
// reason its code names (core-hq.ts), in the `core` namespace with core.ts.
// Audit IDs, event numbers, hashes and file names are {{params}}.
export default {
  // Who may send an audit (hq/owners.ts).
  'hqCheck.foreignAudit': "Audit {{audit}} belongs to {{owner}}, but this bundle is signed by {{signer}}. Bundles may carry only their signer's audits; if the audit really moved to this auditor, hand it over at headquarters first (fairsite hq handover).",
  'hqCheck.auditorKey': '{{name}} ({{auditor}}), key {{key}}…',
  'hqCheck.key': 'key {{key}}…',

  // Corrective-action updates after finalize (hq/actions-import.ts, closure-files.ts).
  'hqCheck.foreignActions': "The corrective actions of audit {{audit}} belong to another auditor's key; this bundle's signer may not update them.",
  'hqCheck.actionsNotFinalized': 'The bundle carries corrective-action updates for audit {{audit}}, which headquarters does not hold finalized; send a full bundle.',
  'hqCheck.actionsGap': 'The corrective-action updates of audit {{audit}} start at event {{from}}, but headquarters holds only {{held}}; send a full bundle.',
  'hqCheck.actionsFork': 'The corrective-action updates of audit {{audit}} do not continue the chain headquarters holds (event {{seq}} differs).',
  'hqCheck.eventRewritten': 'Action event {{seq}} of audit {{audit}} differs from the one headquarters holds: the action chain was rewritten.',
  'hqCheck.eventNoAction': 'Action event {{seq}} of audit {{audit}} updates an action the finalized audit does not have.',
  'hqCheck.eventEvidenceNoAction': 'Action event {{seq}} of audit {{audit}} adds evidence for an action the finalized audit does not have.',
  'hqCheck.eventKind': 'Action event {{seq}} of audit {{audit}} is a {{entity}} {{action}}, which an action chain cannot hold.',
  'hqCheck.eventNotJson': 'Action event {{seq}} of audit {{audit}} does not hold valid JSON.',
  'hqCheck.eventInvalid': 'Action event {{seq}} of audit {{audit}} is not a valid action update: {{field}} {{error}}.',
  'hqCheck.closureFileMissing': 'The evidence of closure recorded for audit {{audit}} names the file {{file}}…, which the bundle does not carry and headquarters does not hold. Send a full bundle.',
  'hqCheck.closureFileSize': 'The evidence of closure recorded for audit {{audit}} gives file {{file}}… a size other than its own.',

  // An audit record against its own event chain (hq/records-check.ts): "Audit X: <what> The audit record…".
  'hqCheck.eventNotHere': 'Audit {{audit}}: event {{seq}} of its chain is not at this headquarters.',
  'hqCheck.records': 'Audit {{audit}}: {{what}} The audit record was changed outside the audit trail; the bundle was refused.',
  'hqCheck.neverCreated': 'its event chain never created it.',
  'hqCheck.fieldDiffers': 'its {{field}} is not the one its event chain recorded.',
  'hqCheck.statusDiffers': 'its status is {{status}}, but its event chain says {{recorded}}.',
  'hqCheck.contentHash': 'its content hash is not the one sealed when it was finalized.',
  'hqCheck.otherSite': "the site record is not the audit's site.",
  'hqCheck.noHistory': '{{entity}} {{record}} has no history in its event chain.',
  'hqCheck.deletedKept': '{{entity}} {{record}} was deleted in its event chain but is still in the record.',
  'hqCheck.recordDiffers': '{{entity}} {{record}} differs from what its event chain recorded.',
  'hqCheck.recordMissing': '{{entity}} {{record}} is in its event chain but missing from the record.',
  'hqCheck.kind.response': 'response',
  'hqCheck.kind.finding': 'finding',
  'hqCheck.kind.action': 'action',
  'hqCheck.kind.note': 'note',
  'hqCheck.kind.document': 'document',
  'hqCheck.kind.photo': 'photo',
  'hqCheck.profileOtherAudit': 'its profile belongs to another audit.',
  'hqCheck.profileNoHistory': 'its site and workforce profile has no history in its event chain.',
  'hqCheck.profileDeletedKept': 'its site and workforce profile was deleted in its event chain but is still in the record.',
  'hqCheck.profileDiffers': 'its site and workforce profile differs from what its event chain recorded.',
  'hqCheck.profileMissing': 'its site and workforce profile is in its event chain but missing from the record.',
  'hqCheck.ackTwice': 'the consistency warning {{warning}} is acknowledged twice.',
  'hqCheck.ackNoHistory': 'the consistency warning {{warning}} is acknowledged, but its event chain has no such acknowledgement.',
  'hqCheck.ackDiffers': 'the reason given for the consistency warning {{warning}} differs from what its event chain recorded.',
  'hqCheck.ackMissing': 'the consistency warning {{warning}} is acknowledged in its event chain but missing from the record.',

  // Signed reports carried with an audit (hq/report-check.ts).
  'hqCheck.reportOtherAudit': 'Report {{report}} of audit {{audit}} is the report of another audit ({{other}}).',
  'hqCheck.reportRefused': "Report {{report}} of audit {{audit}} was refused: {{error}}. If it was signed before reports carried the auditor's endorsement, export the report again on the laptop and send a new bundle.",
  'hqCheck.reportOtherSigner': "Report {{report}} of audit {{audit}} is signed with a certificate that belongs to another auditor's key, not the key that signed this bundle.",
  'hqCheck.reportOtherRevision': 'Report {{report}} of audit {{audit}} seals audit {{sealed}} revision {{revision}}, not this one.',
  'hqCheck.reportOtherContent': "Report {{report}} of audit {{audit}} seals content hash {{hash}}…, which is not the audit's finalize content hash.",
  'hqCheck.reportStray': 'The bundle carries {{file}}, which no audit record names as its report.',
};
