// The audit's evidence in one place: every photo, the notes, documents
// reviewed and worker interviews. A finalized audit shows them read-only.
import { useMemo, useState } from 'react';
import type { Photo } from '../../../shared/domain/evidence';
import type { Note } from '../../../shared/domain/finding';
import type { AuditData } from '../app/useAuditData';
import { AuditFrame } from '../app/AuditFrame';
import { useChecklistNames } from '../app/checklistNames';
import { ErrorPanel } from '../app/Status';
import { DocumentsPanel } from './DocumentsPanel';
import { InterviewsPanel } from './InterviewsPanel';
import { NotesPanel } from './NotesPanel';
import { PhotoSet } from './PhotoSet';
import { usePhotos } from './usePhotos';
import './evidence.css';
import { useTranslation } from 'react-i18next';

type Filter = 'all' | Photo['target']['kind'];
const FILTERS: Filter[] = ['all', 'audit', 'section', 'item', 'finding', 'document'];

export function EvidenceView({ data }: { data: AuditData }) {
  const { detail, template } = data;
  const { t } = useTranslation('evidence');
  const auditId = detail.audit.id;
  const photos = usePhotos(auditId);
  const [filter, setFilter] = useState<Filter>('all');
  const sectionTitle = useMemo(() => new Map(template.sections.map((s) => [s.id, s.title])), [template]);
  const names = useChecklistNames();
  const scopeLabel = (n: Note) => (n.scope === 'audit' ? t('scope.audit') : n.scope === 'section' ? t('scope.section', { title: sectionTitle.get(n.ref) ?? t('scope.gone') }) : names?.itemText(n.ref) ?? t('scope.item'));
  const count = (f: Filter) => (photos.photos ?? []).filter((p) => f === 'all' || p.target.kind === f).length;

  return (
    <AuditFrame detail={detail} tab="evidence">
      <div className="page ev-page">
        <section className="panel" aria-labelledby="ev-photos">
          <div className="panel__head">
            <h2 id="ev-photos">{t('photos.title')}</h2>
            <div className="seg" role="group" aria-label={t('photos.filter')}>
              {FILTERS.map((f) => (
                <button key={f} type="button" className="seg__btn btn btn--small" aria-pressed={filter === f} onClick={() => setFilter(f)}>{t(`photos.of.${f}`, { count: count(f) })}</button>
              ))}
            </div>
          </div>
          {photos.error ? <ErrorPanel error={photos.error} onRetry={photos.reload} /> : (
            <PhotoSet
              state={photos}
              target={{ kind: 'audit' }}
              show={(p) => filter === 'all' || p.target.kind === filter}
              addLabel={t('photos.addAudit')}
            />
          )}
        </section>
        <NotesPanel notes={detail.notes} sections={template.sections} scopeLabel={scopeLabel} />
        <DocumentsPanel photos={photos} />
        <InterviewsPanel />
      </div>
    </AuditFrame>
  );
}
