import { useRef } from 'react';
import { Modal } from '../app/Modal';
import { Trans, useTranslation } from 'react-i18next';

/** Keys (alternatives) and what they do (a key of the walkthrough namespace). */
export const SHORTCUTS: Array<[string[], string]> = [
  [['j', '↓'], 'help.next'],
  [['k', '↑'], 'help.prev'],
  [[']'], 'help.nextSection'],
  [['['], 'help.prevSection'],
  [['1'], 'terms:answer.compliant'],
  [['2'], 'terms:answer.non_compliant'],
  [['3'], 'terms:answer.not_applicable'],
  [['4'], 'terms:answer.observation'],
  [['5'], 'terms:answer.good_practice'],
  [['n'], 'help.note'],
  [['Esc'], 'help.escape'],
  [['?'], 'help.show'],
];

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const { t } = useTranslation('walkthrough');
  return (
    <Modal labelledBy="help-title" onClose={onClose} initialFocus={closeRef}>
        <h2 id="help-title">{t('help.title')}</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys[0]}>
                <th scope="row">{keys.length > 1
                  ? <Trans t={t} i18nKey="help.either" components={{ a: <kbd />, b: <kbd /> }} values={{ a: keys[0], b: keys[1] }} />
                  : <kbd>{keys[0]}</kbd>}</th>
                <td>{t(what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-muted">{t('help.typing')}</p>
        <div className="form__actions">
          <button ref={closeRef} type="button" className="btn btn--primary" onClick={onClose}>{t('close')}</button>
        </div>
    </Modal>
  );
}
