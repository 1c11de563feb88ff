import { SEVERITIES, type Severity } from '../../../shared/template/schema';
import { SEVERITY_LABEL } from './model';

interface Props {
  itemId: string;
  severity: Severity | null;
  zeroTolerance: boolean;
  severityRequired: boolean;
  /** A breach computed from records: severity is optional. */
  computed?: boolean;
  readOnly: boolean;
  onChange(patch: { severity?: Severity | null; zeroTolerance?: boolean }): void;
}

/** Grading of a non-compliance: severity and the zero-tolerance flag. */
export function FindingControls({ itemId, severity, zeroTolerance, severityRequired, computed = false, readOnly, onChange }: Props) {
  const missing = severityRequired && !severity;
  return (
    <div className={`finding-controls${missing ? ' finding-controls--missing' : ''}`}>
      <fieldset className="severity">
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
        {computed && !severity && <p className="field__hint">Computed from the records; graded Major unless you choose.</p>}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={zeroTolerance} disabled={readOnly} onChange={(e) => onChange({ zeroTolerance: e.target.checked })} />
        Zero tolerance <span className="text-muted">(child or forced labour, imminent danger to life, bribery): fails the audit</span>
      </label>
    </div>
  );
}
