// Chapter 2: the site and its workforce as the auditor recorded them: who
// the employer is, the building, the fire certificate, and the workforce by
// gender, contract type and the groups that need specific protection.
import type { ReportData } from '../types';
import { CONTRACT_KINDS, GENDERS, GROUPS, type Workforce } from '../../../../shared/domain/audit-profile';
import { table } from '../layout/table';
import { STYLE, type Writer } from '../layout/writer';
import { reportLanguage, text } from '../strings';

export function profile(w: Writer, d: ReportData): void {
  const p = d.profile;
  if (!w.chapterWith(text('ch.profile'), !!p, text('profile.none'), text('profile.intro')) || !p) return;
  w.heading(text('profile.site'), STYLE.h3, 40);
  const fire = [p.fireCertificate, p.fireCertificateExpiry ? text('profile.fireExpiry', { date: p.fireCertificateExpiry }) : ''].filter(Boolean).join(', ');
  w.facts([
    [text('profile.legalEntity'), p.legalEntity],
    [text('profile.address'), p.address],
    [text('profile.floors'), p.floors],
    [text('profile.building'), p.building],
    [text('profile.shared'), p.sharedBuilding === null ? '' : p.sharedBuilding ? text('profile.sharedYes') : text('profile.sharedNo')],
    [text('profile.fire'), fire],
    [text('profile.services'), p.services],
    [text('profile.clients'), p.clients],
  ]);
  const wf = p.workforce;
  w.heading(text('profile.workforce'), STYLE.h3, 60);
  w.facts([[text('wf.headcount'), wf.headcount === null ? text('profile.notRecorded') : wf.headcount.toLocaleString(reportLanguage())]]);
  const rows = (heading: string, keys: readonly (keyof Workforce)[]) => [
    { cells: [heading, '', ''], cellStyle: [{ size: 8.5, weight: 'bold' as const }, undefined, undefined], fill: '#e8edf4' },
    ...keys.map((k) => ({ cells: [text(`wf.${k}`), wf[k] === null ? text('profile.notRecorded') : (wf[k] as number).toLocaleString(reportLanguage()), share(wf[k], wf.headcount)] })),
  ];
  table(
    w,
    [{ label: text('profile.group'), width: 4 }, { label: text('profile.count'), width: 1.4, align: 'right' }, { label: text('profile.share'), width: 1.6, align: 'right' }],
    [...rows(text('profile.byGender'), GENDERS), ...rows(text('profile.byContract'), CONTRACT_KINDS), ...rows(text('profile.groups'), GROUPS)],
    { zebra: false },
  );
}

function share(n: number | null, total: number | null): string {
  if (n === null || !total) return '—';
  return `${Math.round((n / total) * 1000) / 10} %`;
}
