import { useRef } from 'react';
import { Modal } from '../app/Modal';

export const SHORTCUTS: Array<[string, string]> = [
  ['j or ↓', 'Next item'],
  ['k or ↑', 'Previous item'],
  [']', 'Next section'],
  ['[', 'Previous section'],
  ['1', 'Compliant'],
  ['2', 'Non-compliant'],
  ['3', 'Not applicable'],
  ['4', 'Observation'],
  ['5', 'Good practice'],
  ['n', 'Write in the note'],
  ['Esc', 'Leave a text field, or close this help'],
  ['?', 'Show this help'],
];

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal labelledBy="help-title" onClose={onClose} initialFocus={closeRef}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">{k.split(' or ').map((key, i) => <span key={key}>{i > 0 && ' or '}<kbd>{key}</kbd></span>)}</th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-muted">Shortcuts do not act while you type in a field.</p>
        <div className="form__actions">
          <button ref={closeRef} type="button" className="btn btn--primary" onClick={onClose}>Close</button>
        </div>
    </Modal>
  );
}
