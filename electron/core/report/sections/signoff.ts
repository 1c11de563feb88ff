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
  w.paragraph(text('so.presented', { date: d.audit.endDate }), STYLE.body);
  w.paragraph(text('signoff.capr', { actions: count(d.actions.length, 'action') }), STYLE.body);
  w.gap(8);
  // The two signature boxes stay together, on this page or the next.
  w.ensure(200);
  const colW = (w.width - 24) / 2;
  const top = w.y;
  const ha = signatureBox(w, text('so.auditor'), d.signoff.auditor, w.left, top, colW, images, `${d.audit.id}:auditor`);
  let repExtra = '';
  if (d.signoff.siteRep) {
    repExtra = d.signoff.siteRep.hasAuthority
      ? text('so.authority', { name: d.signoff.siteRep.name })
      : text('so.noAuthority', { name: d.signoff.siteRep.name });
  }
  const hb = signatureBox(w, text('so.siteRep'), d.signoff.siteRep, w.left + colW + 24, top, colW, images, `${d.audit.id}:site`, repExtra);
  w.y = top + Math.max(ha, hb) + 16;
  w.heading(text('so.digital'), STYLE.h3, 40);
  w.paragraph(
    draft
      ? text('so.draft')
      : text('so.signedBy', { name: d.auditor.name, organisation: d.auditor.organisation }),
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
      w.tags.within('Figure', () => w.tags.draw(draw), { alt: text('so.sigAlt', { name: sig.name }) });
    }
  } else {
    pen.drawLines(pen.wrap(text('so.notSigned'), { size: 10, color: COLORS.bad }, width), x, cy + boxH / 2 - 8, { size: 10, weight: 'bold', color: COLORS.bad }, 'center', width);
  }
  cy += boxH + 6;
  const lines: Array<[string, typeof STYLE.body]> = sig
    ? [
        [sig.name, { ...STYLE.body, weight: 'bold' }],
        [sig.title, STYLE.body],
        [text('so.signedAt', { when: dateTime(sig.signedAt) }), STYLE.small],
      ]
    : [];
  if (extra) lines.push([extra, { ...STYLE.body, weight: 'italic' }]);
  for (const [line, style] of lines) {
    const wrapped = pen.wrap(line, style, width);
    pen.drawLines(wrapped, x, cy, style);
    cy += pen.height(wrapped.length, style) + 2;
  }
  return cy - y;
}

export async function appendix(w: Writer, d: ReportData, images: ImageBank, onPhoto: (placed: number) => Promise<void>): Promise<void> {
  const intro = text('app.intro');
  if (!w.chapterWith(text('ch.appendix'), d.photos.length > 0, text('app.none'), intro, true)) return;
  // Two photos to a page, each as wide as the text.
  const maxH = (w.bodyHeight - 120) / 2;
  for (const [i, p] of d.photos.entries()) {
    photoRow(w, [p], images, 1, maxH, (x) => `${photoCaption(x)} · sha256 ${x.sha256.slice(0, 12)}`);
    await onPhoto(i + 1);
  }
}
