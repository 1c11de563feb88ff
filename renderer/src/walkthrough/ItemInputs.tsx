// The answer controls for each item kind except compliance.
import type { HoursRow, ResponseValue } from '../../../shared/domain/response';
import type { Site } from '../../../shared/domain/site';
import type { TemplateItem } from '../../../shared/template/schema';
import { HoursTable } from './HoursTable';
import { WageTable } from './WageTable';
import { NumberCell } from './NumberCell';
import { VerdictBadge } from './Verdict';
import { numberItemVerdict } from './verdicts';
import { useTranslation } from 'react-i18next';

interface Props {
  item: TemplateItem;
  value: ResponseValue | null;
  site: Site;
  /** The audit's hours sample, for the wage item's overtime cross-check. */
  hoursSample?: readonly HoursRow[];
  readOnly: boolean;
  onValue(v: ResponseValue | null, typing: boolean): void;
}

export function ItemInputs({ item, value, site, hoursSample, readOnly, onValue }: Props) {
  const { t } = useTranslation('walkthrough');
  switch (item.kind) {
    case 'compliance':
      return null;
    case 'number': {
      const v = value?.kind === 'number' ? value.value : null;
      return (
        <div className="number-input">
          <label className="number-input__label">
            <span>{t('input.value', { unit: item.unit })}</span>
            <NumberCell label={t('input.valueIn', { unit: item.unit })} unit={item.unit} value={v} disabled={readOnly} onChange={(n) => onValue(n === null ? null : { kind: 'number', value: n }, true)} />
          </label>
          {v !== null && <VerdictBadge verdict={numberItemVerdict(item, v)} />}
          {v === null && <span className="text-muted">{t('item.notAnswered')}</span>}
        </div>
      );
    }
    case 'hours':
      return (
        <HoursTable
          rows={value?.kind === 'hours' ? value.rows : []}
          limits={item.limits}
          legal={site.legal}
          minSample={item.minSample}
          readOnly={readOnly}
          onChange={(rows, typing) => onValue({ kind: 'hours', rows }, typing)}
        />
      );
    case 'wage':
      return (
        <WageTable
          rows={value?.kind === 'wage' ? value.rows : []}
          site={site}
          hours={hoursSample}
          minSample={item.minSample}
          readOnly={readOnly}
          onChange={(rows, typing) => onValue({ kind: 'wage', rows }, typing)}
        />
      );
    case 'choice': {
      const selected = value?.kind === 'choice' ? value.selected : [];
      const toggle = (opt: string, on: boolean) => {
        const next = item.multiple ? (on ? [...selected, opt] : selected.filter((s) => s !== opt)) : on ? [opt] : [];
        onValue({ kind: 'choice', selected: next }, false);
      };
      return (
        <fieldset className="choice">
          <legend className="sr-only">{t('input.options')}</legend>
          {item.options.map((o) => (
            <label key={o.value} className={`check${o.finding ? ' check--finding' : ''}`}>
              <input
                type={item.multiple ? 'checkbox' : 'radio'}
                name={`choice-${item.id}`}
                checked={selected.includes(o.value)}
                disabled={readOnly}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'text': {
      const text = value?.kind === 'text' ? value.text : '';
      const common = {
        id: `answer-${item.id}`,
        value: text,
        disabled: readOnly,
        maxLength: 20_000,
        onChange: (e: { target: { value: string } }) => onValue({ kind: 'text', text: e.target.value }, true),
      };
      return (
        <div className="field">
          <label htmlFor={common.id}>{t('input.answer')}</label>
          {item.multiline ? <textarea className="answer-text" rows={4} {...common} /> : <input type="text" className="answer-text" {...common} />}
        </div>
      );
    }
  }
}
