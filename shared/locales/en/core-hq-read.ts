// Headquarters' screens asked for what HQ does not hold or cannot read, an
// audit handed over, an export not written (electron/core/hq/read/*,
// hq/owners.ts): the `core` namespace with core.ts. IDs, hashes and paths
// are {{params}}.
export default {
  'hqRead.noAuditImport': 'Headquarters holds no audit {{audit}}. Import the bundle that carries it first.',
  'hqRead.noVersion': 'Audit {{audit}} has no version with head {{head}}… at headquarters.',
  'hqRead.notSameAudit': 'Those are not revisions of the same audit; a comparison is made between two revisions or versions of one audit.',
  'hqRead.noPhoto': 'Headquarters holds no photo with that hash.',
  'hqRead.photoUnreadable': "The photo {{photo}}… in headquarters' store cannot be read: {{reason}}",
  'hqRead.photoMissing': "The photo {{photo}}… is missing from or damaged in headquarters' store ({{folder}}).",
  'hqRead.noReport': 'Headquarters holds no signed report with that hash.',
  'hqRead.reportMissing': "The signed report {{report}}… is missing from headquarters' store ({{folder}}).",
  'hqRead.noEvidence': 'Headquarters holds no evidence of closure with that hash.',
  'hqRead.evidenceNotHeld': "The evidence file {{file}}… is not in headquarters' store: it was recorded before evidence files travelled with bundles. Ask the auditor for a full bundle.",
  // A filter naming what HQ does not hold (hq/read/filter-values.ts).
  'hqRead.noClient': 'No audit at headquarters is for the client "{{client}}". Choose a client from the list.',
  'hqRead.noCountry': 'No audit at headquarters is of a site in the country "{{country}}". Choose a country from the list.',
  'hqRead.noSite': 'Headquarters holds no audit of the site {{site}}. Choose a site from the list.',
  'hqRead.noAuditor': 'No auditor with the ID "{{auditor}}" is enrolled at headquarters. Choose an auditor from the list.',
  'hqRead.noBand': 'No audit at headquarters was rated "{{band}}". Choose a band from the list.',
  'hqRead.periodReversed': 'The period ends ({{to}}) before it starts ({{from}}). Put the later date in "to".',
  // Handing an audit over to another auditor's key (hq/owners.ts).
  // An export HQ could not write (hq/read/export.ts; the reasons are the save dialog's, core-laptop.ts).
  'hqExport.notWritten': 'The export was not written to {{file}}: {{why}}. Nothing was left behind; free space or choose another folder and export again.',
};
