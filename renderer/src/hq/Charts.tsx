// Small charts drawn by hand in SVG (no chart library): horizontal bars,
// stacked by category when asked. Each chart is an image with a title and a
// description for screen readers, and its numbers as a table beside it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

export interface Series { key: string; label: string; color: string }
export interface Row { label: string; values: Record<string, number> }

const BAR_H = 22;
const GAP = 8;
const LABEL_W = 190;
const WIDTH = 620;

export function StackedBars({ title, rows, series, empty }: { title: string; rows: Row[]; series: Series[]; empty: string }) {
  const { t } = useTranslation('hq');
  const f = useFormat();
  const id = useId();
  if (!rows.length) return <figure className="chart"><figcaption className="chart__title">{title}</figcaption><p className="text-muted">{empty}</p></figure>;
  const total = (r: Row) => series.reduce((n, s) => n + (r.values[s.key] ?? 0), 0);
  const max = Math.max(1, ...rows.map(total));
  const plot = WIDTH - LABEL_W - 50;
  const height = rows.length * (BAR_H + GAP) + GAP;
  const desc = rows.map((r) => t('chart.rowText', { label: r.label, total: f.number(total(r)), parts: series.filter((s) => r.values[s.key]).map((s) => `${s.label} ${f.number(r.values[s.key]!)}`).join(', ') })).join('; ');
  return (
    <figure className="chart">
      <figcaption className="chart__title" id={`${id}-t`}>{title}</figcaption>
      {series.length > 0 && <ul className="chart__legend" aria-hidden="true">{series.map((s) => <li key={s.key}><span style={{ background: s.color }} />{s.label}</li>)}</ul>}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} preserveAspectRatio="xMinYMin meet">
        <desc id={`${id}-d`}>{desc}</desc>
        {rows.map((r, i) => {
          const y = GAP + i * (BAR_H + GAP);
          let x = LABEL_W;
          return (
            <g key={r.label}>
              <text x={LABEL_W - 8} y={y + BAR_H / 2} textAnchor="end" dominantBaseline="middle" className="chart__label"><title>{r.label}</title>{r.label.length > 25 ? `${r.label.slice(0, 24)}…` : r.label}</text>
              {series.map((s) => {
                const w = ((r.values[s.key] ?? 0) / max) * plot;
                const rect = w > 0 ? <rect key={s.key} x={x} y={y} width={w} height={BAR_H} fill={s.color} /> : null;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + BAR_H / 2} dominantBaseline="middle" className="chart__value">{f.number(total(r))}</text>
            </g>
          );
        })}
      </svg>
      <details className="chart__table">
        <summary>{t('chart.showTable')}</summary>
        <table className="table">
          <caption className="sr-only">{title}</caption>
          <thead><tr><th scope="col">{t('chart.category')}</th>{series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}{series.length > 1 && <th scope="col">{t('chart.total')}</th>}</tr></thead>
          <tbody>{rows.map((r) => (
            <tr key={r.label}><th scope="row">{r.label}</th>{series.map((s) => <td key={s.key}>{f.number(r.values[s.key] ?? 0)}</td>)}{series.length > 1 && <td>{f.number(total(r))}</td>}</tr>
          ))}</tbody>
        </table>
      </details>
    </figure>
  );
}
