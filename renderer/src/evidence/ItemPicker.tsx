// Links a record (a document reviewed, an interview) to checklist items by
// picking them: typed words or a number find items, Enter or a click adds
// one; what is chosen shows as "2.2 Identity documents" with a way to
// remove it. Nothing typed is taken unless it names an item of the checklist.
import { useId, useState } from 'react';
import { matchesQuery, useChecklistNames } from '../app/checklistNames';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: readonly string[];
  onChange(ids: string[]): void;
}

const SHOWN = 8;

export function ItemPicker({ label, value, onChange }: Props) {
  const names = useChecklistNames();
  const id = useId();
  const { t } = useTranslation('evidence');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!names) return null;
  const chosen = new Set(value);
  const matches = query.trim() ? names.items.filter((e) => !chosen.has(e.id) && matchesQuery(e, query)) : [];
  const add = (itemId: string) => { onChange([...value, itemId]); setQuery(''); setError(null); };

  function enter() {
    const q = query.trim();
    if (!q) return;
    const exact = names!.items.find((e) => e.number === q);
    const pick = exact && !chosen.has(exact.id) ? exact : matches.length === 1 ? matches[0] : undefined;
    if (pick) add(pick.id);
    else if (exact) setError(`Item ${q} is already linked.`);
    else if (!matches.length) setError(t('picker.none', { query: q }));
    else setError(`${matches.length} items match: pick one from the list.`);
  }

  return (
    <fieldset className="field field--wide picker">
      <legend>{label}</legend>
      {value.length > 0 && (
        <ul className="picker__chosen" aria-label={t('picker.chosen', { label })}>
          {value.map((itemId) => {
            const e = names.item(itemId);
            const text = e ? t('docs.itemRef', { number: e.number, prompt: e.prompt }) : t('checklist.itemGone', { ns: 'app' });
            return (
              <li key={itemId} className="chip">
                {text}{' '}
                <button type="button" className="picker__remove" aria-label={t('picker.remove', { item: text })} onClick={() => onChange(value.filter((x) => x !== itemId))}>×</button>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={`${id}-q`} className="picker__label">{t('picker.find')}</label>
      <input
        id={`${id}-q`} type="search" value={query} autoComplete="off"
        aria-describedby={error ? `${id}-err` : undefined} aria-invalid={error ? true : undefined}
        placeholder={t('picker.placeholder')}
        onChange={(e) => { setQuery(e.target.value); setError(null); }}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); enter(); } }}
      />
      {error && <p className="field__error" id={`${id}-err`} role="alert">{error}</p>}
      {matches.length > 0 && (
        <ul className="picker__matches" aria-label={t('picker.matches')}>
          {matches.slice(0, SHOWN).map((e) => (
            <li key={e.id}>
              <button type="button" className="btn btn--small btn--quiet" onClick={() => add(e.id)}>
                Add {e.number} {e.prompt} <span className="text-muted">({e.sectionTitle})</span>
              </button>
            </li>
          ))}
          {matches.length > SHOWN && <li className="text-muted">{matches.length - SHOWN} more: type more of the words.</li>}
        </ul>
      )}
    </fieldset>
  );
}
