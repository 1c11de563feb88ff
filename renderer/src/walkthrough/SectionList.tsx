import { memo } from 'react';
import type { SectionStats } from './model';

export interface SectionEntry { id: string; title: string; number: number; stats: SectionStats }

interface Props {
  sections: SectionEntry[];
  currentId: string;
  onOpen(sectionId: string): void;
}

function SectionListImpl({ sections, currentId, onOpen }: Props) {
  return (
    <nav className="sections" aria-label="Checklist sections">
      <ol>
        {sections.map((s) => {
          const done = s.stats.answered === s.stats.total;
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`sections__btn${s.id === currentId ? ' sections__btn--on' : ''}`}
                aria-current={s.id === currentId ? 'true' : undefined}
                onClick={() => onOpen(s.id)}
              >
                <span className="sections__title">{s.number}. {s.title}</span>
                <span className="sections__meta">
                  <span className={done ? 'text-ok' : undefined}>{s.stats.answered}/{s.stats.total}<span className="sr-only"> answered</span></span>
                  {s.stats.findings > 0 && <span className="pill pill--finding">{s.stats.findings} {s.stats.findings === 1 ? 'finding' : 'findings'}</span>}
                </span>
                <span className="progress" aria-hidden="true"><span className="progress__bar" style={{ width: `${Math.round((100 * s.stats.answered) / s.stats.total)}%` }} /></span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export const SectionList = memo(SectionListImpl, (a, b) =>
  a.currentId === b.currentId && a.onOpen === b.onOpen && a.sections.length === b.sections.length &&
  a.sections.every((s, i) => {
    const o = b.sections[i];
    return o !== undefined && o.id === s.id && o.stats.answered === s.stats.answered && o.stats.findings === s.stats.findings;
  }));
