import type { RowVerdict } from './verdicts';

const LABEL = { ok: 'OK', warn: 'Check', fail: 'Breach' } as const;

export function VerdictBadge({ verdict }: { verdict: RowVerdict }) {
  return (
    <span className={`verdict verdict--${verdict.level}`} title={verdict.reasons.join('; ')}>
      <strong>{LABEL[verdict.level]}</strong>
      {verdict.reasons.length > 0 && <span className="verdict__why">{verdict.reasons.join('; ')}</span>}
    </span>
  );
}
