// Chapters 10 and 11: the auditor's declaration and the drawn signatures of
// both parties (the site representative's also for the corrective action
// plan), then every photo, once, at full width.
import type { DrawnSignature, ReportData } from '../types';
import { dateTime } from '../layout/format';
import { photoCaption, type ImageBank } from '../layout/images';
import { COLORS, STYLE, type Writer } from '../layout/writer';
import { photoRow } from './findings';
import { consistencyNotes } from './plan';
import { count, text } from '../strings';

export const AUTHORITY_STATEMENT = 'has authority to implement the corrective actions agreed in this report';

export function signoff(w: Writer, d: ReportData, images: ImageBank, draft: boolean): void {
  w.chapter(text('ch.signoff'));
  const decl = d.declaration;
  if (decl) {
    w.heading(text('decl.heading'), STYLE.h3, 40);
    w.facts([
      [text('decl.credentials'), `${d.auditor.name}, ${d.auditor.organisation}: ${decl.credentials}`],
      [text('decl.independence'), decl.independence || '—'],
      [text('decl.limitations'), decl.limitations || text('decl.noLimitations')],
      [text('decl.disclaimer'), decl.disclaimer],
      [text('decl.distribution'), decl.distribution.join('\n')],
    ], 120);
  }
  consistencyNotes(w, d);
  w.heading(text('signoff.heading'), STYLE.h3, 200);
  w.paragraph(`The findings and the corrective action plan in this report were presented at the closing meeting on ${d.audit.endDate}. By signing, the auditor attests that the report is a true record of what was observed, and the site representative acknowledges the findings and the corrective actions.`, STYLE.body);
  w.paragraph(text('signoff.capr', { actions: count(d.actions.length, 'action') }), STYLE.body);
  w.gap(8);
  // The two signature boxes stay together, on this page or the next.
  w.ensure(200);
  const colW = (w.width - 24) / 2;
  const top = w.y;
  const ha = signatureBox(w, 'Auditor', d.signoff.auditor, w.left, top, colW, images, `${d.audit.id}:auditor`);
  let repExtra = '';
  if (d.signoff.siteRep) {
    repExtra = d.signoff.siteRep.hasAuthority
      ? `${d.signoff.siteRep.name} ${AUTHORITY_STATEMENT}.`
      : `Authority to implement the corrective actions was NOT confirmed by ${d.signoff.siteRep.name}.`;
  }
  const hb = signatureBox(w, 'Site representative', d.signoff.siteRep, w.left + colW + 24, top, colW, images, `${d.audit.id}:site`, repExtra);
  w.y = top + Math.max(ha, hb) + 16;
  w.heading('Digital signature', STYLE.h3, 40);
  w.paragraph(
    draft
      ? 'This is a DRAFT export. It carries no digital signature and must not be relied on as the final report.'
      : `This file carries a digital signature (PKCS#7, SHA-256) made with the certificate of ${d.auditor.name} (${d.auditor.organisation}). Open the signature panel of any PDF reader to check it: a change to any byte of the report shows as an invalid signature.`,
    STYLE.body,
  );
}

function signatureBox(w: Writer, role: string, sig: DrawnSignature | null, x: number, y: number, width: number, images: ImageBank, key: string, extra = ''): number {
  const { pen, doc } = w;
  let cy = y;
  pen.drawLines(pen.wrap(role.toUpperCase(), STYLE.label, width), x, cy, STYLE.label);
  cy += 16;
  const boxH = 90;
  w.tags.artifact(() => doc.save().rect(x, cy, width, boxH).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore());
  if (sig) {
    const img = images.open(key, { bytes: sig.png });
    if (img) {
      const scale = Math.min((width - 16) / img.width, (boxH - 12) / img.height);
      const draw = () => doc.image(img as never, x + (width - img.width * scale) / 2, cy + (boxH - img.height * scale) / 2, { width: img.width * scale, height: img.height * scale });
      w.tags.within('Figure', () => w.tags.draw(draw), { alt: `Handwritten signature of ${sig.name}` });
    }
  } else {
    pen.drawLines(pen.wrap('Not signed', { size: 10, color: COLORS.bad }, width), x, cy + boxH / 2 - 8, { size: 10, weight: 'bold', color: COLORS.bad }, 'center', width);
  }
  cy += boxH + 6;
  const lines: Array<[string, typeof STYLE.body]> = sig
    ? [
        [sig.name, { ...STYLE.body, weight: 'bold' }],
        [sig.title, STYLE.body],
        [`Signed ${dateTime(sig.signedAt)}`, STYLE.small],
      ]
    : [];
  if (extra) lines.push([extra, { ...STYLE.body, weight: 'italic' }]);
  for (const [text, style] of lines) {
    const wrapped = pen.wrap(text, style, width);
    pen.drawLines(wrapped, x, cy, style);
    cy += pen.height(wrapped.length, style) + 2;
  }
  return cy - y;
}

export async function appendix(w: Writer, d: ReportData, images: ImageBank, onPhoto: (placed: number) => Promise<void>): Promise<void> {
  const intro = 'Every photo taken during the audit, in the order taken, each printed once at full width. Each was hashed (SHA-256) when captured; the first 12 hex digits are shown.';
  if (!w.chapterWith(text('ch.appendix'), d.photos.length > 0, 'No photos were taken.', intro, true)) return;
  // Two photos to a page, each as wide as the text.
  const maxH = (w.bodyHeight - 120) / 2;
  for (const [i, p] of d.photos.entries()) {
    photoRow(w, [p], images, 1, maxH, (x) => `${photoCaption(x)} · sha256 ${x.sha256.slice(0, 12)}`);
    await onPhoto(i + 1);
  }
}
