import { useState } from 'react';
import type { CorrectiveAction, Finding } from '../../../shared/domain/finding';
import { SEVERITIES } from '../../../shared/template/schema';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { AuditFrame } from '../app/AuditFrame';
import { href } from '../app/router';
import type { AuditData } from '../app/useAuditData';
import { ActionForm, ACTION_STATUS_LABEL } from '../forms/ActionForm';
import { ACCEPTANCE_LABELS, TIMESCALE_LABELS, VERIFICATION_LABELS, timescaleFor } from '../../../shared/domain/capr';
import { indexTemplate, SEVERITY_LABEL } from '../walkthrough/model';

const rank = (f: Finding) => (f.zeroTolerance ? -1 : f.severity ? SEVERITIES.indexOf(f.severity) : 3);

export function Findings({ data }: { data: AuditData }) {
  const { detail, template } = data;
  const client = useClient();
  const index = indexTemplate(template);
  const readOnly = detail.audit.status === 'finalized';
  const [actions, setActions] = useState<CorrectiveAction[]>(detail.actions);
  const [editing, setEditing] = useState<{ findingId: string; action?: CorrectiveAction } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const findings = [...detail.findings].sort((a, b) => rank(a) - rank(b) || (index.byId.get(a.itemId)?.index ?? 0) - (index.byId.get(b.itemId)?.index ?? 0));

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
      setError(`${m.title} ${m.next}`);
    }
  };

  return (
    <AuditFrame detail={detail} tab="findings">
      <div className="page">
        <h2>Findings and corrective actions</h2>
        {error && <div className="banner banner--error" role="alert">{error}</div>}
        {findings.length === 0 && <p className="empty">No findings recorded. Non-compliant answers and breached checks appear here.</p>}
        <ol className="findings">
          {findings.map((f) => {
            const entry = index.byId.get(f.itemId);
            const own = actions.filter((a) => a.findingId === f.id);
            return (
              <li key={f.id} className="finding">
                <div className="finding__head">
                  <span className={`sev sev--${f.severity ?? 'none'}`}>{f.severity ? SEVERITY_LABEL[f.severity] : 'No severity'}</span>
                  {f.zeroTolerance && <span className="sev sev--zt">Zero tolerance</span>}
                  <span className="text-muted">{entry ? `${entry.number} · ${entry.section.title}` : f.sectionId}</span>
                  <a className="finding__link" href={href({ name: 'walk', auditId: detail.audit.id, itemId: f.itemId })}>Open item</a>
                </div>
                <h3 className="finding__title">{entry?.item.prompt ?? f.summary}</h3>
                {f.summary && f.summary !== entry?.item.prompt && f.summary !== f.note && <p>{f.summary}</p>}
                {f.note && <p className="finding__note">{f.note}</p>}
                <div className="cap">
                  <h4>Corrective actions</h4>
                  {own.length === 0 && <p className="text-muted">None agreed yet.</p>}
                  <ul className="cap__list">
                    {own.map((a) => (editing?.action?.id === a.id ? (
                      <li key={a.id}><ActionForm findingId={f.id} initial={a} severity={f.severity} endDate={data.detail.audit.endDate} onSaved={saved} onCancel={() => setEditing(null)} /></li>
                    ) : (
                      <li key={a.id} className="cap__item">
                        <div>
                          <p className="cap__action">{a.action}</p>
                          <p className="text-muted">Owner {a.owner} · due {a.dueDate} · {TIMESCALE_LABELS[timescaleFor(a.timescale, f.severity)]}{a.verificationMethod ? ` · ${VERIFICATION_LABELS[a.verificationMethod]}` : ''}{a.verification ? ` · ${a.verification}` : ''}</p>
                          {a.rootCause && <p className="text-muted">Root cause: {a.rootCause}</p>}
                          {a.preventiveAction && <p className="text-muted">Preventive action: {a.preventiveAction}</p>}
                          <p className="text-muted">{ACCEPTANCE_LABELS[a.siteAcceptance]}{a.siteComments ? `: ${a.siteComments}` : ''}</p>
                        </div>
                        <span className={`badge badge--${a.status}`}>{ACTION_STATUS_LABEL[a.status]}</span>
                        {!readOnly && (
                          <span className="cap__btns">
                            <button type="button" className="btn btn--small" onClick={() => setEditing({ findingId: f.id, action: a })}>Edit</button>
                            {confirming === a.id ? (
                              <>
                                <button type="button" className="btn btn--small btn--danger" onClick={() => { setConfirming(null); void remove(a); }}>Delete this action</button>
                                <button type="button" className="btn btn--small btn--quiet" onClick={() => setConfirming(null)}>Keep</button>
                              </>
                            ) : (
                              <button type="button" className="btn btn--small btn--quiet" onClick={() => setConfirming(a.id)}>Delete</button>
                            )}
                          </span>
                        )}
                      </li>
                    )))}
                  </ul>
                  {!readOnly && editing?.findingId === f.id && !editing.action && (
                    <ActionForm findingId={f.id} severity={f.severity} endDate={data.detail.audit.endDate} evidence={f.note || f.summary} onSaved={saved} onCancel={() => setEditing(null)} />
                  )}
                  {!readOnly && editing?.findingId !== f.id && (
                    <button type="button" className="btn btn--small" onClick={() => setEditing({ findingId: f.id })}>Add corrective action</button>
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
