import type { ComplianceAnswer } from '../../../shared/template/schema';
import { ANSWERS } from './model';
import { useTranslation } from 'react-i18next';

interface Props {
  itemId: string;
  answer: ComplianceAnswer | null;
  readOnly: boolean;
  onAnswer(a: ComplianceAnswer): void;
}

export function AnswerButtons({ itemId, answer, readOnly, onAnswer }: Props) {
  const { t } = useTranslation('terms');
  return (
    <div className="answers" role="group" aria-label={t('answer.label')}>
      {ANSWERS.map((a) => (
        <button
          key={a.value}
          type="button"
          className={`answer answer--${a.value}`}
          aria-pressed={answer === a.value}
          disabled={readOnly}
          data-item={itemId}
          onClick={() => onAnswer(a.value)}
        >
          <kbd aria-hidden="true">{a.key}</kbd> {t(`answer.${a.value}`)}
        </button>
      ))}
    </div>
  );
}
