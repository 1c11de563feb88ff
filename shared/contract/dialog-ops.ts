// Files handed to the person: "Save as…" is a capability of whoever runs the
// app. The desktop shell shows its native dialog (starting in the folder used
// last) and writes the file there; the web harness and the command line
// answer "download", with the bytes, and the page saves them its own way.
import { z } from 'zod';
import { op } from './define';
import { Id } from '../domain/common';
import { ReportFileName } from './report-ops';

/** A file name offered in the dialog: no folders, nothing hidden. */
export const OfferedFileName = z.string().max(200).regex(/^[A-Za-z0-9][A-Za-z0-9 ._()-]*$/, 'must be a plain file name');

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

export const dialogOps = {
  'dialog.save': op({ summary: 'Save a copy of a report, a bundle or a text file where the person chooses (Save as…)', input: z.strictObject({ source: SaveSource }), output: SaveOutcome }),
};
