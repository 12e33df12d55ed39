import type { ReviewSection } from './answers-for-review.ts';
import { rendererText } from './renderer-text.ts';

/** Props of {@link ReviewAnswers}. */
export interface ReviewAnswersProps {
  sections: ReviewSection[];
  locale: string;
  /** Go back to a step to change an answer. */
  onChange(stepIndex: number): void;
}

/** Every answer by step, each with a "Ändra" button whose name says which answer. */
export function ReviewAnswers({ sections, locale, onChange }: ReviewAnswersProps) {
  const t = rendererText(locale);
  return (
    <>
      {sections.map((section) => (
        <section className="sf-review-section" key={section.stepId} aria-labelledby={`sf-review-${section.stepId}`}>
          <h2 id={`sf-review-${section.stepId}`}>{section.title}</h2>
          <dl className="sf-summary-list">
            {section.answers.map((answer) => (
              <div className="sf-summary-row" key={answer.field}>
                <dt className="sf-summary-key">{answer.label}</dt>
                <dd className="sf-summary-value">
                  {answer.lines.length === 0 ? (
                    <span className="sf-not-answered">{t.notAnswered}</span>
                  ) : (
                    answer.lines.map((line, i) => (
                      <span className="sf-summary-line" key={i}>
                        {line}
                      </span>
                    ))
                  )}
                </dd>
                <dd className="sf-summary-actions">
                  <button type="button" className="sf-link-button" onClick={() => onChange(section.stepIndex)}>
                    {t.change}
                    <span className="sf-visually-hidden"> {answer.label}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
