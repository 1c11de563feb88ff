import type { RowVerdict } from './verdicts';

const LABEL = { pass: 'OK', warn: 'Check', fail: 'Breach', unknown: 'Cannot check' } as const;

export function VerdictBadge({ verdict, compact = false }: { verdict: RowVerdict; compact?: boolean }) {
  return (
    <span className={`verdict verdict--${verdict.level}`} title={verdict.reasons.join('; ')}>
      <strong>{LABEL[verdict.level]}</strong>
      {!compact && verdict.reasons.length > 0 && <span className="verdict__why">{verdict.reasons.join('; ')}</span>}
    </span>
  );
}

/** The reasons of every failing row, under a table whose cells only show the badge. */
export function VerdictReasons({ verdicts, names }: { verdicts: RowVerdict[]; names: string[] }) {
  const lines = verdicts.flatMap((v, i) => (v.level === 'pass' ? [] : v.reasons.map((r) => ({ key: `${i}-${r}`, level: v.level, text: `Row ${i + 1} (${names[i] || 'unnamed'}): ${r}` }))));
  if (!lines.length) return null;
  return (
    <ul className="check-table__reasons">
      {lines.map((l) => <li key={l.key} className={`reason reason--${l.level}`}>{l.text}</li>)}
    </ul>
  );
}
