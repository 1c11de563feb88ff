import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AuditData } from '../app/useAuditData';
import { AuditFrame } from '../app/AuditFrame';
import { navigate } from '../app/router';
import { describeError, isLocked } from '../api/messages';
import { HelpOverlay } from './HelpOverlay';
import { settleDraft } from './itemRules';
import { cardId, ItemCard, noteId } from './ItemCard';
import { ANSWERS, EMPTY_DRAFT, draftsFrom, findingItemSet, indexTemplate, matchesFilter, sectionStats, type Draft, type ItemFilter } from './model';
import { SaveIndicator } from './SaveIndicator';
import { SectionList, type SectionEntry } from './SectionList';
import { mergeFinding, useSaveQueue } from './useSaveQueue';
import { useShortcuts } from './useShortcuts';
import { localStash } from './unsavedStash';
import { useHoursSample } from './useHoursSample';
import { useTranslation } from 'react-i18next';
import { usePreviousResults } from './PreviousResult';

interface Props {
  data: AuditData;
  itemId: string | null;
}

const FILTERS: ItemFilter[] = ['all', 'unanswered', 'findings'];

export function Walkthrough({ data, itemId }: Props) {
  const { detail, template } = data;
  const { t } = useTranslation('walkthrough');
  const auditId = detail.audit.id;
  const readOnly = detail.audit.status === 'finalized';
  const index = useMemo(() => indexTemplate(template), [template]);
  const previous = usePreviousResults(auditId);
  // Answers typed earlier that the core never confirmed come back on top and are sent again.
  const [restored] = useState(() => (readOnly ? [] : localStash(auditId).all()));
  const [drafts, setDrafts] = useState(() => ({ ...draftsFrom(detail.responses), ...draftsFrom(restored.map((r) => ({ itemId: r.itemId, value: r.value, note: r.note ?? '', severity: r.severity ?? null, zeroTolerance: r.zeroTolerance ?? false }))) }));
  const [findings, setFindings] = useState(detail.findings);
  const [filter, setFilter] = useState<ItemFilter>('all');
  const [help, setHelp] = useState(false);
  // The core moves a draft audit to in progress with its first answer.
  const [auditStatus, setAuditStatus] = useState(detail.audit.status);
  const { queue, status } = useSaveQueue(auditId, (out) => {
    setFindings((f) => mergeFinding(f, out.response.itemId, out.finding));
    setAuditStatus((s) => (s === 'draft' ? 'in_progress' : s));
  });
  useEffect(() => {
    if (readOnly) localStash(auditId).clear();
    for (const input of restored) queue.update(input);
  }, [auditId, queue, readOnly, restored]);
  const findingItems = useMemo(() => findingItemSet(findings), [findings]);
  const hoursSample = useHoursSample(drafts);

  const active = (itemId && index.byId.get(itemId)) || index.byId.get(index.flat[0]?.item.id ?? '');
  const activeId = active?.item.id ?? '';
  const section = active?.section ?? template.sections[0];

  // The newest drafts, ahead of the rendered ones while a typing update is pending:
  // every save and every patch starts from here, so no keystroke is dropped.
  const latest = useRef(drafts);
  const onChange = useCallback((id: string, patch: Partial<Draft>, typing: boolean) => {
    if (readOnly) return;
    const entry = index.byId.get(id);
    const merged = { ...EMPTY_DRAFT, ...latest.current[id], ...patch };
    const d = entry ? settleDraft(entry.item, merged, detail.site) : merged;
    latest.current = { ...latest.current, [id]: d };
    queue.update({ auditId, itemId: id, value: d.value, note: d.note, severity: d.severity, zeroTolerance: d.zeroTolerance }, { typing });
    const next = latest.current;
    // Only the note field holds its own text; every other control shows the
    // drafts, so it must see its change in this very render.
    const ownText = typing && Object.keys(patch).length === 1 && 'note' in patch;
    if (ownText) startTransition(() => setDrafts(next));
    else setDrafts(next);
  }, [auditId, queue, readOnly, index, detail.site]);

  const go = useCallback((id: string | undefined) => {
    if (id) navigate({ name: 'walk', auditId, itemId: id }, { replace: true });
  }, [auditId]);

  const visible = (it: { item: { id: string } }) =>
    it.item.id === activeId || matchesFilter(index.byId.get(it.item.id)!.item, filter, drafts, findingItems);

  const sectionEntries: SectionEntry[] = template.sections.map((s, i) => ({ id: s.id, title: s.title, number: i + 1, stats: sectionStats(s, drafts, findingItems) }));
  const openSection = useCallback((sectionId: string) => {
    const s = template.sections.find((x) => x.id === sectionId);
    go(s?.items[0]?.id);
  }, [go, template]);

  const move = (delta: number) => {
    if (!active) return;
    const list = index.flat.filter(visible);
    const at = list.findIndex((x) => x.item.id === activeId);
    go(list[at + delta]?.item.id);
  };
  const moveSection = (delta: number) => {
    const si = template.sections.findIndex((s) => s.id === section?.id);
    const target = template.sections[si + delta];
    if (!target) return;
    const first = target.items.find((it) => matchesFilter(it, filter, drafts, findingItems)) ?? target.items[0];
    go(first?.id);
  };

  useShortcuts({
    next: () => move(1),
    prev: () => move(-1),
    nextSection: () => moveSection(1),
    prevSection: () => moveSection(-1),
    note: () => document.getElementById(noteId(activeId))?.focus(),
    help: () => setHelp(true),
    escape: () => {
      if (help) setHelp(false);
      else if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
        document.activeElement.blur();
        document.getElementById(cardId(activeId))?.focus();
      }
    },
    answer: (n) => {
      const a = ANSWERS[n - 1];
      if (!a || readOnly || active?.item.kind !== 'compliance') return;
      onChange(activeId, { value: { kind: 'compliance', answer: a.value } }, false);
    },
  });

  useEffect(() => {
    const el = document.getElementById(cardId(activeId));
    el?.scrollIntoView?.({ block: 'nearest' });
    // Focus lost with the previous card (or never placed) goes to the new one,
    // so Tab continues inside the item being answered.
    const focused = document.activeElement;
    if (el && (!focused || focused === document.body || !focused.isConnected)) el.focus({ preventScroll: true });
  }, [activeId]);

  const items = section ? section.items.filter((item) => visible({ item })) : [];
  const sectionNumber = template.sections.findIndex((s) => s.id === section?.id) + 1;
  const lockedError = status.state === 'failed' && isLocked(status.error);

  return (
    <AuditFrame detail={{ ...detail, audit: { ...detail.audit, status: auditStatus }, findings }} tab="walk" status={readOnly ? null : <SaveIndicator status={status} onRetry={() => void queue.retry()} />}>
      {lockedError && (
        <div className="banner banner--error" role="alert">{describeError(status.error).title} {describeError(status.error).next}</div>
      )}
      <div className="walk">
        <aside className="walk__side">
          <SectionList sections={sectionEntries} currentId={section?.id ?? ''} onOpen={openSection} />
        </aside>
        <section className="walk__main" aria-labelledby="section-title">
          <div className="walk__toolbar">
            <h2 id="section-title">{t('section.title', { number: sectionNumber, title: section?.title ?? '' })}</h2>
            <div className="seg seg--filters" role="group" aria-label={t('filter.label')}>
              {FILTERS.map((f) => (
                <button key={f} type="button" className="seg__btn" aria-pressed={filter === f} onClick={() => setFilter(f)}>{t(`filter.${f}`)}</button>
              ))}
            </div>
            <button type="button" className="btn btn--small btn--quiet" onClick={() => setHelp(true)} aria-label={t('help.title')}>
              <kbd>?</kbd> {t('help.button')}
            </button>
          </div>
          {section?.description && <p className="text-muted section-desc">{section.description}</p>}
          {items.length === 0 && <p className="empty">{t('filter.empty')}</p>}
          <ol className="cards">
            {items.map((item) => {
              const entry = index.byId.get(item.id)!;
              return (
                <ItemCard
                  key={item.id}
                  item={item}
                  number={entry.number}
                  draft={drafts[item.id]}
                  active={item.id === activeId}
                  readOnly={readOnly}
                  site={detail.site}
                  severities={template.severities}
                  hoursSample={item.kind === 'wage' ? hoursSample : undefined}
                  previous={previous.get(item.id)}
                  onActivate={go}
                  onChange={onChange}
                />
              );
            })}
          </ol>
        </section>
      </div>
      <p className="sr-only" aria-live="polite">{active ? t('item.announce', { number: active.number, prompt: active.item.prompt }) : ''}</p>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </AuditFrame>
  );
}
