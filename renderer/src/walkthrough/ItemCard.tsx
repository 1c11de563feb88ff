import { memo } from 'react';
import type { ResponseValue } from '../../../shared/domain/response';
import type { Site } from '../../../shared/domain/site';
import type { HoursRow } from '../../../shared/domain/response';
import type { SeverityDefinitions, TemplateItem } from '../../../shared/template/schema';
import { AnswerButtons } from './ComplianceControls';
import { FindingControls } from './FindingControls';
import { ItemPhotos as ItemPhotosSlot } from '../evidence/ItemPhotos';
import { ItemInputs } from './ItemInputs';
import { NoteField } from './NoteField';
import { itemDemands } from './itemRules';
import { EMPTY_DRAFT, isAnswered, type Draft } from './model';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLocaleFormat } from '../i18n/format';
import { PreviousResult, wasFinding, type PreviousItem } from './PreviousResult';

export interface ItemCardProps {
  item: TemplateItem;
  number: string;
  draft: Draft | undefined;
  active: boolean;
  readOnly: boolean;
  site: Site;
  /** The template's definitions of critical, major and minor, shown beside the severity buttons. */
  severities?: SeverityDefinitions;
  /** The audit's hours sample, given to wage items for the overtime cross-check. */
  hoursSample?: readonly HoursRow[];
  /** What the site's last audit found at this item, when it has one. */
  previous?: PreviousItem;
  onActivate(itemId: string): void;
  /** A change to some fields of the item's answer; `typing` debounces the save. */
  onChange(itemId: string, patch: Partial<Draft>, typing: boolean): void;
}

// Evidence does not change while the note is typed: keep it out of each keystroke's render.
const ItemPhotos = memo(ItemPhotosSlot);

const chipKey = (severity: boolean, zt: boolean) => (severity ? (zt ? 'chip.severityZt' : 'chip.severity') : zt ? 'chip.zt' : 'chip.plain');

export const noteId = (itemId: string) => `note-${itemId}`;
export const cardId = (itemId: string) => `item-${itemId}`;

function statusText(item: TemplateItem, d: Draft, t: TFunction, number: (n: number) => string): string {
  if (!isAnswered(d)) return t('item.notAnswered');
  const v = d.value;
  if (v?.kind === 'compliance') return t(`answer.${v.answer}`, { ns: 'terms' });
  if (v?.kind === 'hours' || v?.kind === 'wage') return t('item.sampled', { count: v.rows.length });
  if (v?.kind === 'number') return item.kind === 'number' && item.unit ? t('item.valueUnit', { value: number(v.value), unit: item.unit }) : number(v.value);
  return t('item.answered');
}

function ItemCardImpl({ item, number, draft = EMPTY_DRAFT, active, readOnly, site, severities, hoursSample, previous, onActivate, onChange }: ItemCardProps) {
  const demands = itemDemands(item, draft, site, hoursSample);
  const { t } = useTranslation('walkthrough');
  const f = useLocaleFormat();
  const update = (patch: Partial<Draft>, typing = false) => onChange(item.id, patch, typing);
  const answered = isAnswered(draft);
  const chip = (
    <span className={`chip${answered ? ' chip--done' : ''}${demands.isFinding ? ' chip--finding' : ''}`}>
      {t(chipKey(demands.isFinding && draft.severity !== null, draft.zeroTolerance || (demands.isFinding && item.zeroTolerance === true)), {
        status: statusText(item, draft, t, f.number),
        severity: draft.severity ? t(`severity.${draft.severity}`, { ns: 'terms' }) : '',
      })}
    </span>
  );

  if (!active) {
    return (
      <li className="card card--collapsed" id={cardId(item.id)} data-item-id={item.id} data-kind={item.kind}>
        <button type="button" className="card__head" onClick={() => onActivate(item.id)} aria-expanded="false">
          <span className="card__num">{number}</span>
          <span className="card__prompt">{item.prompt}</span>
          {chip}
          {wasFinding(previous) && <span className="chip chip--finding chip--previous">{t('prev.chip', { ns: 'followup' })}</span>}
        </button>
      </li>
    );
  }

  const answer = draft.value?.kind === 'compliance' ? draft.value.answer : null;
  return (
    <li className="card card--active" id={cardId(item.id)} data-item-id={item.id} data-kind={item.kind} aria-current="true" tabIndex={-1}>
      <div className="card__head card__head--static">
        <span className="card__num">{number}</span>
        <h3 className="card__prompt">{item.prompt}</h3>
        {chip}
      </div>
      <div className="card__body">
        {previous && <PreviousResult previous={previous} />}
        <details className="guidance">
          <summary>{t('item.guidance')}</summary>
          <p>{item.guidance}</p>
        </details>
        <div className="card__meta">
          <div>
            <h4>{t('item.evidence')}</h4>
            <ul className="evidence-list">{item.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul>
          </div>
          <div>
            <h4>{t('item.references')}</h4>
            <ul className="refs">{item.references.map((r, i) => <li key={i}><span className="ref">{r.standard}</span> {r.clause}</li>)}</ul>
          </div>
        </div>

        {item.kind === 'compliance' && (
          <AnswerButtons itemId={item.id} answer={answer} readOnly={readOnly} onAnswer={(a) => update({ value: { kind: 'compliance', answer: a } })} />
        )}
        <ItemInputs item={item} value={draft.value} site={site} hoursSample={hoursSample} readOnly={readOnly} onValue={(value: ResponseValue | null, typing) => update({ value }, typing)} />

        {(demands.isFinding || demands.severityRequired || draft.severity !== null || draft.zeroTolerance) && (
          <FindingControls
            itemId={item.id}
            severity={draft.severity}
            zeroTolerance={draft.zeroTolerance}
            severityRequired={demands.severityRequired}
            computed={demands.computed}
            isFinding={demands.isFinding}
            defaultSeverity={item.severity}
            severityChanged={demands.severityChanged}
            templateZeroTolerance={item.zeroTolerance === true}
            definitions={severities}
            readOnly={readOnly}
            onChange={(p) => update(p)}
          />
        )}

        <NoteField id={noteId(item.id)} initial={draft.note} required={demands.noteRequired} readOnly={readOnly} onText={(note) => update({ note }, true)} />
        <ItemPhotos itemId={item.id} evidenceRequired={demands.evidenceRequired} />
      </div>
    </li>
  );
}

export const ItemCard = memo(ItemCardImpl);
