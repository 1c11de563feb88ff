// One corrective action's life after the audit was finalized: its status
// (open → in progress → submitted → closed / not closed) with dates and who
// verified, and the closure evidence the site sent. Each change is an event
// of the audit's action chain; the finalized audit itself never changes.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NEXT_STATUSES, VERIFIED_STATUSES, type ActionTrack, type EvidenceSource, type TrackStatus } from '../../../shared/domain/followup';
import { useClient } from '../api/context';
import { describeError } from '../api/messages';
import { fileBase64, formatDate, todayIso } from './format';
import { formatBytes } from '../../../shared/format-bytes';
import './followup.css';

export function ActionTracker({ track, onChange }: { track: ActionTrack; onChange(t: ActionTrack): void }) {
  const { t, i18n } = useTranslation('followup');
  const client = useClient();
  const lang = i18n.language;
  const next = NEXT_STATUSES[track.status];
  const [status, setStatus] = useState<TrackStatus | ''>(next[0] ?? '');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [verifiedBy, setVerifiedBy] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<EvidenceSource>('site_sent');
  const [received, setReceived] = useState(todayIso());
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<ActionTrack>) => {
    setBusy(true);
    setError(null);
    try {
      const tr = await work();
      onChange(tr);
      setNote('');
      setStatus(NEXT_STATUSES[tr.status][0] ?? '');
      return true;
    } catch (err) {
      const m = describeError(err);
      setError(t('findings.errorLine', { title: m.title, next: m.next }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const record = (e: FormEvent) => {
    e.preventDefault();
    if (!status) return;
    void run(() => client.call('followup.updateAction', { actionId: track.actionId, status, date, note, verifiedBy }));
  };
  const attach = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(t('track.chooseFile'));
    void run(async () => client.call('followup.addEvidence', {
      actionId: track.actionId, name: file.name, mediaType: file.type || 'application/octet-stream', data: await fileBase64(file), source, receivedAt: received, description,
    })).then((ok) => { if (ok) { setFile(null); setDescription(''); } });
  };
  const label = (s: TrackStatus) => t(`track.status.${s}`);

  return (
    <div className="tracker" aria-label={t('track.title')}>
      <p className="tracker__now">
        <span className={`badge badge--track-${track.status}`}>{t('track.since', { status: label(track.status), date: formatDate(track.statusDate, lang) })}</span>
        {track.verifiedBy && <span className="text-muted"> {t('track.verifiedBy', { name: track.verifiedBy })}</span>}
      </p>
      {error && <div className="banner banner--error" role="alert">{error}</div>}
      {track.history.length > 0 && (
        <details className="tracker__history">
          <summary>{t('track.history')}</summary>
          <ol>
            {track.history.map((h, i) => (
              <li key={i}>
                {h.verifiedBy ? t('track.historyBy', { date: formatDate(h.date, lang), status: label(h.status), name: h.verifiedBy }) : t('track.historyLine', { date: formatDate(h.date, lang), status: label(h.status) })}
                {h.note && <span className="text-muted"> — {h.note}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {track.evidence.length > 0 && (
        <div className="tracker__evidence">
          <h5>{t('track.evidence')}</h5>
          <ul>
            {track.evidence.map((ev) => (
              <li key={ev.id}>
                {t('track.evidenceLine', { name: ev.name, source: t(`track.source.${ev.source}`), date: formatDate(ev.receivedAt, lang), size: formatBytes(ev.size, lang) })}
                {ev.description && <span className="text-muted"> — {ev.description}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {next.length === 0 ? <p className="text-muted">{t('track.final')}</p> : (
        <form className="tracker__form" onSubmit={record}>
          <label>{t('track.next')}
            <select value={status} onChange={(e) => setStatus(e.target.value as TrackStatus)}>
              {next.map((s) => <option key={s} value={s}>{label(s)}</option>)}
            </select>
          </label>
          <label>{t('track.date')}<input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
          {status && VERIFIED_STATUSES.has(status) && (
            <label>{t('track.verifier')}<input type="text" value={verifiedBy} onChange={(e) => setVerifiedBy(e.target.value)} /></label>
          )}
          <label className="tracker__wide">{t('track.note')}<input type="text" value={note} onChange={(e) => setNote(e.target.value)} /></label>
          <button type="submit" className="btn btn--small btn--primary" disabled={busy}>{t('track.record')}</button>
        </form>
      )}
      <details className="tracker__add">
        <summary>{t('track.addEvidence')}</summary>
        <form className="tracker__form" onSubmit={attach}>
          <label className="tracker__wide">{t('track.file')}<input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
          <label>{t('track.source')}
            <select value={source} onChange={(e) => setSource(e.target.value as EvidenceSource)}>
              <option value="site_sent">{t('track.source.site_sent')}</option>
              <option value="on_site">{t('track.source.on_site')}</option>
            </select>
          </label>
          <label>{t('track.received')}<input type="date" value={received} onChange={(e) => setReceived(e.target.value)} /></label>
          <label className="tracker__wide">{t('track.description')}<input type="text" value={description} placeholder={t('track.descriptionHint')} onChange={(e) => setDescription(e.target.value)} /></label>
          <button type="submit" className="btn btn--small" disabled={busy}>{t('track.attach')}</button>
        </form>
      </details>
    </div>
  );
}
