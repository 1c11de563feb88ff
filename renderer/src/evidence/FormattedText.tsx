// Light formatting of notes: blank lines separate paragraphs, lines starting
// with "- " or "* " become a bulleted list, "1. " a numbered one. Plain text
// only: nothing typed is ever read as HTML.
type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] };

export function blocksOf(text: string): Block[] {
  const out: Block[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const last = out[out.length - 1];
    if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = (bullet ?? numbered)![1]!;
      if (last && last.kind === kind) last.items.push(item);
      else out.push({ kind, items: [item] });
    } else if (!line.trim()) {
      if (last && last.kind === 'p' && last.lines.length) out.push({ kind: 'p', lines: [] });
    } else if (last && last.kind === 'p') last.lines.push(line);
    else out.push({ kind: 'p', lines: [line] });
  }
  return out.filter((b) => (b.kind === 'p' ? b.lines.length > 0 : b.items.length > 0));
}

export function FormattedText({ text }: { text: string }) {
  return (
    <div className="ev-text">
      {blocksOf(text).map((b, i) => {
        if (b.kind !== 'p') {
          const items = b.items.map((t, j) => <li key={j}>{t}</li>);
          return b.kind === 'ul' ? <ul key={i}>{items}</ul> : <ol key={i}>{items}</ol>;
        }
        return <p key={i}>{b.lines.map((l, j) => <span key={j}>{j > 0 && <br />}{l}</span>)}</p>;
      })}
    </div>
  );
}
