import { memo } from 'react';
import type { SectionStats } from './model';
import { Trans, useTranslation } from 'react-i18next';

export interface SectionEntry { id: string; title: string; number: number; stats: SectionStats }

interface Props {
  sections: SectionEntry[];
  currentId: string;
  onOpen(sectionId: string): void;
}

function SectionListImpl({ sections, currentId, onOpen }: Props) {
  const { t } = useTranslation('walkthrough');
  return (
    <nav className="sections" aria-label={t('section.list')}>
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
                <span className="sections__title">{t('section.title', { number: s.number, title: s.title })}</span>
                <span className="sections__meta">
                  <span className={done ? 'text-ok' : undefined}><Trans t={t} i18nKey="section.answered" values={{ answered: s.stats.answered, total: s.stats.total }} components={{ sr: <span className="sr-only" /> }} /></span>
                  {s.stats.findings > 0 && <span className="pill pill--finding">{t('section.findings', { count: s.stats.findings })}</span>}
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
