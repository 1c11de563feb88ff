import type { ComplianceAnswer } from '../../../shared/template/schema';
import { ANSWERS } from './model';

interface Props {
  itemId: string;
  answer: ComplianceAnswer | null;
  readOnly: boolean;
  onAnswer(a: ComplianceAnswer): void;
}

export function AnswerButtons({ itemId, answer, readOnly, onAnswer }: Props) {
  return (
    <div className="answers" role="group" aria-label="Answer">
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
          <kbd aria-hidden="true">{a.key}</kbd> {a.label}
        </button>
      ))}
    </div>
  );
}
