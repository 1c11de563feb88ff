import { SEVERITIES, type Severity, type SeverityDefinitions } from '../../../shared/template/schema';
import { SEVERITY_LABEL } from './model';

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
  const defsId = `severity-defs-${itemId}`;
  return (
    <div className={`finding-controls${missing ? ' finding-controls--missing' : ''}`}>
      <fieldset className="severity" aria-describedby={definitions && severity ? defsId : undefined}>
        <legend>Severity{severityRequired && <span className="req"> (required)</span>}</legend>
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
              <span>{SEVERITY_LABEL[s]}</span>
            </label>
          ))}
        </div>
        {missing && <p className="field__error">Choose a severity: the audit cannot be finalized without it.</p>}
        {computed && !severity && <p className="field__hint">Computed from the records; graded {SEVERITY_LABEL[defaultSeverity ?? 'major']} unless you choose.</p>}
        {defaultSeverity && !severityChanged && <p className="field__hint">The template grades this item {SEVERITY_LABEL[defaultSeverity]}. To change it, choose another severity and say why in the note.</p>}
        {defaultSeverity && severityChanged && (
          <p className="field__hint field__hint--strong">Changed from the template’s {SEVERITY_LABEL[defaultSeverity]}: the note must say why.</p>
        )}
        {definitions && severity && <p className="severity-def" id={defsId}><strong>{SEVERITY_LABEL[severity]}:</strong> {definitions[severity]}</p>}
        {definitions && (
          <details className="severity-defs">
            <summary>What critical, major and minor mean</summary>
            <dl>
              {SEVERITIES.map((s) => (
                <div key={s} className="severity-defs__row">
                  <dt>{SEVERITY_LABEL[s]}</dt>
                  <dd>{definitions[s]}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </fieldset>
      {templateZeroTolerance ? (
        <p className="zt-note">
          <strong>Zero-tolerance item.</strong> {isFinding ? 'This non-compliance raises the zero-tolerance alert: notify at once (see the summary).' : 'A non-compliance here raises the zero-tolerance alert.'}
        </p>
      ) : (
        <label className="check">
          <input type="checkbox" checked={zeroTolerance} disabled={readOnly || !isFinding} onChange={(e) => onChange({ zeroTolerance: e.target.checked })} />
          Zero tolerance <span className="text-muted">(child or forced labour, imminent danger to life, bribery): raises the zero-tolerance alert</span>
        </label>
      )}
    </div>
  );
}
