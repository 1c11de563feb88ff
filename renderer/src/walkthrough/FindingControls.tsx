import { SEVERITIES, type Severity, type SeverityDefinitions } from '../../../shared/template/schema';
import { Trans, useTranslation } from 'react-i18next';

interface Props {
  itemId: string;
  severity: Severity | null;
  zeroTolerance: boolean;
  severityRequired: boolean;
  /** A breach computed from records: severity is optional. */
  computed?: boolean;
  /** The answer raises a finding now (the zero-tolerance flag needs one). */
  isFinding?: boolean;
  /** The template's severity for this item; changing it needs a note. */
  defaultSeverity?: Severity;
  severityChanged?: boolean;
  /** The template marks the item zero tolerance: a non-compliance raises the alert by itself. */
  templateZeroTolerance?: boolean;
  definitions?: SeverityDefinitions;
  readOnly: boolean;
  onChange(patch: { severity?: Severity | null; zeroTolerance?: boolean }): void;
}

/** Grading of a non-compliance: severity (with the template's definitions) and zero tolerance. */
export function FindingControls(p: Props) {
  const { itemId, severity, zeroTolerance, severityRequired, computed = false, isFinding = true, defaultSeverity, severityChanged = false, templateZeroTolerance = false, definitions, readOnly, onChange } = p;
  const missing = severityRequired && !severity;
  const { t } = useTranslation('walkthrough');
  const sev = (s: Severity) => t(`severity.${s}`, { ns: 'terms' });
  const defsId = `severity-defs-${itemId}`;
  return (
    <div className={`finding-controls${missing ? ' finding-controls--missing' : ''}`}>
      <fieldset className="severity" aria-describedby={definitions && severity ? defsId : undefined}>
        <legend>{t('severity.legend')}{severityRequired && <span className="req">{t('required')}</span>}</legend>
        <div className="seg">
          {SEVERITIES.map((s) => (
            <label key={s} className={`seg__opt seg__opt--${s}`}>
              <input
                type="radio"
                name={`severity-${itemId}`}
                value={s}
                checked={severity === s}
                disabled={readOnly}
                onChange={() => onChange({ severity: s })}
              />
              <span>{sev(s)}</span>
            </label>
          ))}
        </div>
        {missing && <p className="field__error">{t('severity.missing')}</p>}
        {computed && !severity && <p className="field__hint">{t('severity.computed', { severity: sev(defaultSeverity ?? 'major') })}</p>}
        {defaultSeverity && !severityChanged && <p className="field__hint">{t('severity.template', { severity: sev(defaultSeverity) })}</p>}
        {defaultSeverity && severityChanged && (
          <p className="field__hint field__hint--strong">{t('severity.changed', { severity: sev(defaultSeverity) })}</p>
        )}
        {definitions && severity && <p className="severity-def" id={defsId}><Trans t={t} i18nKey="severity.definition" values={{ severity: sev(severity), definition: definitions[severity] }} components={{ strong: <strong /> }} /></p>}
        {definitions && (
          <details className="severity-defs">
            <summary>{t('severity.meanings')}</summary>
            <dl>
              {SEVERITIES.map((s) => (
                <div key={s} className="severity-defs__row">
                  <dt>{sev(s)}</dt>
                  <dd>{definitions[s]}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </fieldset>
      {templateZeroTolerance ? (
        <p className="zt-note">
          <Trans t={t} i18nKey={isFinding ? 'zt.itemFinding' : 'zt.item'} components={{ strong: <strong /> }} />
        </p>
      ) : (
        <label className="check">
          <input type="checkbox" checked={zeroTolerance} disabled={readOnly || !isFinding} onChange={(e) => onChange({ zeroTolerance: e.target.checked })} />
          <Trans t={t} i18nKey="zt.check" components={{ muted: <span className="text-muted" /> }} />
        </label>
      )}
    </div>
  );
}
