import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction, Finding } from '../../../shared/domain/finding';
import type { ActionTrack } from '../../../shared/domain/followup';
import { SEVERITIES } from '../../../shared/template/schema';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { AuditFrame } from '../app/AuditFrame';
import { href } from '../app/router';
import { useAsync } from '../app/useAsync';
import type { AuditData } from '../app/useAuditData';
import { ActionForm } from '../forms/ActionForm';
import { timescaleFor } from '../../../shared/domain/capr';
import { indexTemplate } from '../walkthrough/model';
import { ActionTracker } from '../followup/ActionTracker';
import { FollowUpPanel } from '../followup/FollowUpPanel';
import { LastAuditPanel } from '../followup/LastAuditPanel';
import { findingSummary } from './findingText';

const rank = (f: Finding) => (f.zeroTolerance ? -1 : f.severity ? SEVERITIES.indexOf(f.severity) : 3);

export function Findings({ data }: { data: AuditData }) {
  const { t } = useTranslation('followup');
  const { detail, template } = data;
  const client = useClient();
  const index = indexTemplate(template);
  const readOnly = detail.audit.status === 'finalized';
  const followUp = detail.audit.kind === 'follow_up';
  const [actions, setActions] = useState<CorrectiveAction[]>(detail.actions);
  const [editing, setEditing] = useState<{ findingId: string; action?: CorrectiveAction } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  // After finalize, each action's life goes on in its own chain (the tracker).
  const [tracked] = useAsync(async () => (readOnly && !followUp ? client.call('followup.actions', { auditId: detail.audit.id }) : []), `tracks:${detail.audit.id}:${detail.audit.status}`);
  const [tracks, setTracks] = useState<Record<string, ActionTrack>>({});
  const trackOf = (id: string) => tracks[id] ?? (tracked.status === 'ready' ? tracked.value.find((x) => x.actionId === id) : undefined);
  const findings = [...detail.findings].sort((a, b) => rank(a) - rank(b) || (index.byId.get(a.itemId)?.index ?? 0) - (index.byId.get(b.itemId)?.index ?? 0));
  const colors = Object.fromEntries((template.rating?.grades ?? []).map((g) => [g.grade, g.color]));

  const saved = (a: CorrectiveAction) => {
    setActions((list) => [...list.filter((x) => x.id !== a.id), a]);
    setEditing(null);
  };
  const remove = async (a: CorrectiveAction) => {
    setError(null);
    try {
      await client.call('actions.delete', { id: a.id });
      setActions((list) => list.filter((x) => x.id !== a.id));
    } catch (err) {
      const m = describeError(err);
      setError(t('findings.errorLine', { title: m.title, next: m.next }));
    }
  };

  return (
    <AuditFrame detail={detail} tab="findings">
      <div className="page">
        {followUp && <FollowUpPanel version={detail.audit.updatedAt} colors={colors} />}
        {!followUp && !readOnly && <LastAuditPanel auditId={detail.audit.id} />}
        <h2>{followUp ? t('fu.newFindings') : t('findings.title')}</h2>
        {error && <div className="banner banner--error" role="alert">{error}</div>}
        {findings.length === 0 && <p className="empty">{followUp ? t('fu.noNew') : t('findings.none')}</p>}
        <ol className="findings">
          {findings.map((f) => {
            const entry = index.byId.get(f.itemId);
            const own = actions.filter((a) => a.findingId === f.id);
            return (
              <li key={f.id} className="finding">
                <div className="finding__head">
                  <span className={`sev sev--${f.severity ?? 'none'}`}>{f.severity ? t(`severity.${f.severity}`) : t('findings.noSeverity')}</span>
                  {f.zeroTolerance && <span className="sev sev--zt">{t('findings.zeroTolerance')}</span>}
                  <span className="text-muted">{entry ? `${entry.number} · ${entry.section.title}` : f.sectionId}</span>
                  <a className="finding__link" href={href({ name: 'walk', auditId: detail.audit.id, itemId: f.itemId })}>{t('findings.openItem')}</a>
                </div>
                <h3 className="finding__title">{entry?.item.prompt ?? f.summary}</h3>
                {f.summary && f.summary !== entry?.item.prompt && f.summary !== f.note && <p>{findingSummary(f, detail, entry?.item)}</p>}
                {f.note && <p className="finding__note">{f.note}</p>}
                <div className="cap">
                  <h4>{t('findings.actions')}</h4>
                  {own.length === 0 && <p className="text-muted">{t('findings.noAction')}</p>}
                  <ul className="cap__list">
                    {own.map((a) => (editing?.action?.id === a.id ? (
                      <li key={a.id}><ActionForm findingId={f.id} initial={a} severity={f.severity} endDate={data.detail.audit.endDate} onSaved={saved} onCancel={() => setEditing(null)} /></li>
                    ) : (
                      <li key={a.id}>
                        <div className="cap__item">
                          <div>
                            <p className="cap__action">{a.action}</p>
                            <p className="text-muted">
                              {a.collaborative
                                ? t('findings.ownerCollaborative', { owner: a.owner, review: a.reviewDate })
                                : t('findings.ownerDue', { owner: a.owner, due: a.dueDate, timescale: t(`timescale.${timescaleFor(a.timescale, f.severity)}`) })}
                              {a.verificationMethod ? ` · ${t(`method.${a.verificationMethod}`)}` : ''}{a.verification ? ` · ${a.verification}` : ''}
                            </p>
                            {a.rootCause && <p className="text-muted">{t('findings.rootCause', { text: a.rootCause })}</p>}
                            {a.preventiveAction && <p className="text-muted">{t('findings.preventive', { text: a.preventiveAction })}</p>}
                            <p className="text-muted">{a.siteComments ? t('acceptance.withComments', { acceptance: t(`acceptance.${a.siteAcceptance}`), comments: a.siteComments }) : t(`acceptance.${a.siteAcceptance}`)}</p>
                          </div>
                          <span className={`badge badge--${a.status}`}>{t(`planStatus.${a.status}`)}</span>
                          {!readOnly && (
                            <span className="cap__btns">
                              <button type="button" className="btn btn--small" onClick={() => setEditing({ findingId: f.id, action: a })}>{t('findings.edit')}</button>
                              {confirming === a.id ? (
                                <>
                                  <button type="button" className="btn btn--small btn--danger" onClick={() => { setConfirming(null); void remove(a); }}>{t('findings.deleteConfirm')}</button>
                                  <button type="button" className="btn btn--small btn--quiet" onClick={() => setConfirming(null)}>{t('findings.keep')}</button>
                                </>
                              ) : (
                                <button type="button" className="btn btn--small btn--quiet" onClick={() => setConfirming(a.id)}>{t('findings.delete')}</button>
                              )}
                            </span>
                          )}
                        </div>
                        {(() => {
                          const tr = trackOf(a.id);
                          return tr ? <ActionTracker track={tr} onChange={(n) => setTracks((m) => ({ ...m, [n.actionId]: n }))} /> : null;
                        })()}
                      </li>
                    )))}
                  </ul>
                  {!readOnly && editing?.findingId === f.id && !editing.action && (
                    <ActionForm findingId={f.id} severity={f.severity} endDate={data.detail.audit.endDate} evidence={f.note || f.summary} onSaved={saved} onCancel={() => setEditing(null)} />
                  )}
                  {!readOnly && editing?.findingId !== f.id && (
                    <button type="button" className="btn btn--small" onClick={() => setEditing({ findingId: f.id })}>{t('findings.add')}</button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </AuditFrame>
  );
}
