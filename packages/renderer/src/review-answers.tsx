import type { ReviewSection } from './answers-for-review.ts';
import { isPlainClick } from './plain-click.ts';
import { rendererText } from './renderer-text.ts';

/** Props of {@link ReviewAnswers}. */
export interface ReviewAnswersProps {
  sections: ReviewSection[];
  locale: string;
  /** Go back to a step to change an answer (with JavaScript); without it the answers are read-only (a case worker's view). */
  onChange?(stepIndex: number): void;
  /** The address of a step that returns here after it: the change link without JavaScript. */
  changeHref?(stepIndex: number): string;
  /** The level of each step's heading: 2 on the review page, 3 under a case page's "Answers". */
  headingLevel?: 2 | 3;
}

/** The id of an answer's change link, which a review page's error links to. */
export function changeLinkId(field: string): string {
  return `sf-change-${field}`;
}

/** Every answer by step, each with an "Ändra" link whose name says which answer. */
export function ReviewAnswers({ sections, locale, onChange, changeHref, headingLevel = 2 }: ReviewAnswersProps) {
  const t = rendererText(locale);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {sections.map((section) => (
        <section className="sf-review-section" key={section.stepId} aria-labelledby={`sf-review-${section.stepId}`}>
          <Heading id={`sf-review-${section.stepId}`}>{section.title}</Heading>
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
                {onChange === undefined ? null : (
                  <dd className="sf-summary-actions">
                    <a
                      id={changeLinkId(answer.field)}
                      href={changeHref?.(section.stepIndex) ?? '#'}
                      onClick={(event) => {
                        if (isPlainClick(event)) {
                          event.preventDefault();
                          onChange?.(section.stepIndex);
                        }
                      }}
                    >
                      {t.change}
                      <span className="sf-visually-hidden"> {answer.label}</span>
                    </a>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
