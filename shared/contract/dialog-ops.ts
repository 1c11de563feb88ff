// Files handed to the person: "Save as…" is a capability of whoever runs the
// app. The desktop shell shows its native dialog (starting in the folder used
// last) and writes the file there; the web harness and the command line
// answer "download", with the bytes, and the page saves them its own way.
import { z } from 'zod';
import { says } from '../schema-messages';
import { op } from './define';
import { Id } from '../domain/common';
import { ReportFileName } from '../domain/report';
import { UiLanguage } from '../domain/message';

/** A file name offered in the dialog: no folders, nothing hidden. */
export const OfferedFileName = z.string().max(200).regex(/^[A-Za-z0-9][A-Za-z0-9 ._()-]*$/, says('schema.fileName'));

export const SaveSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('report'), name: ReportFileName }),
  z.strictObject({ kind: z.literal('bundle'), bundleId: Id }),
  z.strictObject({ kind: z.literal('text'), fileName: OfferedFileName, text: z.string().max(20_000) }),
]);
export type SaveSource = z.infer<typeof SaveSource>;

export const SaveOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('download'), fileName: z.string(), mimeType: z.string(), base64: z.string() }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcome>;

/**
 * What a person opens: bundle files or a folder of them (HQ import; the
 * paths are handed to hq.import), a certificate (.p12) or an enrolment code
 * (small files: their bytes come back).
 */
export const OpenPurpose = z.enum(['bundles', 'certificate', 'enrolment']);
export type OpenPurpose = z.infer<typeof OpenPurpose>;

/** Largest file read back by dialog.open (a certificate, an enrolment code). */
export const MAX_OPEN_READ_BYTES = 200_000;

/** The UI's language, for the native dialog's title and file types (English when absent). */
const DialogLanguage = UiLanguage.optional();

export const OpenRequest = z.strictObject({ purpose: OpenPurpose, pick: z.enum(['files', 'folder']).default('files'), language: DialogLanguage });
export type OpenRequest = z.input<typeof OpenRequest>;

export const OpenOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('picked'), paths: z.array(z.string()) }),
  z.object({ outcome: z.literal('read'), files: z.array(z.object({ name: z.string(), base64: z.string() })) }),
  z.object({ outcome: z.literal('cancelled') }),
  // No native dialog here (web harness, command line): the page uses its own file picker.
  z.object({ outcome: z.literal('browser') }),
]);
export type OpenOutcome = z.infer<typeof OpenOutcome>;

export const dialogOps = {
  'dialog.save': op({ summary: 'Save a copy of a report, a bundle or a text file where the person chooses (Save as…)', input: z.strictObject({ source: SaveSource, language: DialogLanguage }), output: SaveOutcome }),
  'dialog.open': op({ summary: 'Choose files or a folder to open (Open…): bundle paths, or the bytes of a small file', input: OpenRequest, output: OpenOutcome }),
};
