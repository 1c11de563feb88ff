// Refusals on the auditor's laptop that a screen shows: a corrective action's
// next status, the HQ upload address, a passphrase too weak for the signing
// key, a photo that cannot be stored, a file the save dialog could not write
// (electron/core/followup/tracks.ts, sync/endpoint.ts, shared/passphrase.ts,
// keys/*, evidence/*, handlers/dialog-handlers.ts): the `core` namespace with
// core.ts. File names, sizes and figures are {{params}}.
export default {
  // A corrective action's status after finalize (followup/tracks.ts).
  'action.moveOnly': 'An action that is {{status}} can move only to {{allowed}}.',
  'action.closedFinal': 'This action is closed; a later audit raises a new finding if the issue comes back.',
  'problem.notFromStatus': 'not allowed from the current status',
  'trackStatus.open': 'open',
  'trackStatus.in_progress': 'in progress',
  'trackStatus.submitted': 'submitted',
  'trackStatus.closed': 'closed',
  'trackStatus.not_closed': 'not closed',

  // The HQ upload address (sync/endpoint.ts).
  'sync.plainHttp': 'A password or token would travel unencrypted over {{address}}, readable by anyone on the network. Use the https:// address of the HQ server (ask HQ for it), or set Sign-in to "None" if HQ accepts uploads without one.',
  'problem.httpsNeeded': 'must be https:// when a password or token is sent',

  // A passphrase for the signing key (shared/passphrase.ts, keys/vault.ts, keys/secret-box.ts).
  'key.basicText': 'No keyring (GNOME Keyring or KWallet) was found on this computer, so your signing key is stored with a fixed key that any program running as you can undo. Protect it with a passphrase below, or install and unlock a keyring and restart Fairsite.',
  'key.tooWeak': 'This passphrase is too weak to protect the signing key: {{problem}}. Use at least {{min}} characters — three or four unrelated words work well — not a common password, and not a repeated or consecutive run of characters.',
  'key.tooWeakForNew': '{{advice}} Set FAIRSITE_PASSPHRASE to it; no key was made.',
  'key.weak.short_one': 'it has {{count}} character; at least {{min}} are needed',
  'key.weak.short_other': 'it has {{count}} characters; at least {{min}} are needed',
  'key.weak.fewDistinct_one': 'it uses only {{count}} different character; at least {{min}} are needed',
  'key.weak.fewDistinct_other': 'it uses only {{count}} different characters; at least {{min}} are needed',
  'key.weak.common': 'it is a common password with digits or symbols added',
  'key.weak.repeated': 'it is one short group of characters repeated',
  'key.weak.run': 'it is a run of consecutive characters',

  // A photo received, opened and stored (evidence/decode.ts, ingest.ts, receive.ts, uploads.ts).
  'photo.tooManyPixels': 'This picture has {{megapixels}} megapixels, more than the {{max}} Fairsite reads: nothing was stored. Save a smaller copy and add it again.',
  'photo.heicUndecodable': 'This HEIC photo could not be decoded ({{error}}). Convert it to JPEG, or set the phone\'s camera to "Most Compatible", and add it again.',
  'photo.empty': 'This file is empty (0 bytes): nothing was stored. Copy it from the camera or phone again.',
  'photo.notAPhoto': 'This file is {{what}}, not a photo: nothing was stored. Add JPEG, PNG, WebP, TIFF or HEIC pictures.',
  'photo.kind.video': 'a video (MP4 or MOV)',
  'photo.kind.pdf': 'a PDF document',
  'photo.kind.zip': 'a ZIP archive or Office document',
  'photo.kind.svg': 'an SVG drawing',
  'photo.kind.markup': 'a web page or XML file',
  'photo.kind.text': 'a text file',
  'photo.notAnImage': 'This file is not an image Fairsite can read: nothing was stored. Add JPEG, PNG, WebP, TIFF or HEIC pictures.',
  'photo.bmp': 'BMP pictures cannot be read: nothing was stored. Save the picture as JPEG or PNG and add it again.',
  'photo.damaged': 'This {{format}} file is damaged and cannot be read ({{error}}): nothing was stored. Copy it from the camera or phone again.',
  'photo.heifCompression': 'This HEIF picture uses {{compression}} compression, which cannot be read: nothing was stored. Convert it to JPEG and add it again.',
  'photo.heifUnknownCompression': 'This HEIF picture uses an unknown compression, which cannot be read: nothing was stored. Convert it to JPEG and add it again.',
  'photo.notTaken': 'Fairsite does not take {{format}} files as photos: nothing was stored. Add JPEG, PNG, WebP, TIFF or HEIC pictures.',
  'photo.tooManyScans': 'This JPEG is stored in more than {{max}} passes (scans); cameras write about ten, and decoding this many would take minutes. Nothing was stored. Open it in an image editor, save it again as JPEG, and add that copy.',
  'photo.undecodable': 'This {{format}} file is damaged and cannot be decoded ({{error}}): nothing was stored. Copy it from the camera or phone again.',
  'photo.tooLarge': 'This photo is larger than the limit of {{mb}} MB: nothing was stored. Send a smaller copy from the camera or phone, or raise the limit in Settings.',
  'upload.named': '"{{name}}": {{reason}}',
  'upload.chunkTooLarge': 'A chunk may hold at most {{max}} bytes.',
  'upload.outOfOrder': 'Chunk at byte {{offset}} arrived out of order (expected byte {{expected}}).',
  'upload.moreThanAnnounced': 'More bytes arrived than the {{size}} announced for "{{name}}".',

  // A file the save dialog could not write (handlers/dialog-handlers.ts; the reasons serve HQ's exports too).
  'save.notSaved': 'Not saved to {{path}}: {{why}}. Choose another folder or drive.',
  'save.diskFull': 'the disk is full',
  'save.notWritable': 'that folder cannot be written to',
  'save.readOnly': 'that drive is read-only',
  'save.notWritten': 'the file could not be written',

  // The native file dialogs' titles and file types (handlers/dialog-handlers.ts), in the UI's language.
  'picker.saveAs': 'Save as',
  'picker.open': 'Open',
  'picker.bundleFolder': 'Choose a folder of bundles',
  'picker.type.bundles': 'Fairsite bundles',
  'picker.type.certificate': 'Certificate (PKCS #12)',
  'picker.type.enrolment': 'Enrolment code',
  'picker.type.report': 'PDF report',
  'picker.type.bundle': 'Fairsite bundle',
  'picker.type.text': 'Text',
};
