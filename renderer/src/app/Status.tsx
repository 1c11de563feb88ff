import { describeError } from '../api/messages';

export function Loading({ what }: { what: string }) {
  return <p className="loading" role="status">Loading {what}…</p>;
}

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const m = describeError(error);
  return (
    <div className="banner banner--error" role="alert">
      <p><strong>{m.title}</strong></p>
      <p>{m.next}</p>
      {m.fields.length > 0 && <ul>{m.fields.map((f, i) => <li key={i}><code>{f.path}</code>: {f.message}</li>)}</ul>}
      {onRetry && <button type="button" className="btn" onClick={onRetry}>Try again</button>}
    </div>
  );
}
