import type { RowVerdict } from './verdicts';
import { useTranslation } from 'react-i18next';


export function VerdictBadge({ verdict, compact = false }: { verdict: RowVerdict; compact?: boolean }) {
  const { t } = useTranslation('walkthrough');
  return (
    <span className={`verdict verdict--${verdict.level}`} title={verdict.reasons.join('; ')}>
      <strong>{t(`verdict.${verdict.level}`)}</strong>
      {!compact && verdict.reasons.length > 0 && <span className="verdict__why">{verdict.reasons.join('; ')}</span>}
    </span>
  );
}

/** The reasons of every failing row, under a table whose cells only show the badge. */
export function VerdictReasons({ verdicts, names }: { verdicts: RowVerdict[]; names: string[] }) {
  const { t } = useTranslation('walkthrough');
  const lines = verdicts.flatMap((v, i) => (v.level === 'pass' ? [] : v.reasons.map((r) => ({ key: `${i}-${r}`, level: v.level, text: t('verdict.reason', { row: i + 1, name: names[i] || t('verdict.unnamed'), reason: r }) }))));
  if (!lines.length) return null;
  return (
    <ul className="check-table__reasons">
      {lines.map((l) => <li key={l.key} className={`reason reason--${l.level}`}>{l.text}</li>)}
    </ul>
  );
}
