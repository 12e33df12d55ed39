import type { MouseEvent, Ref } from 'react';
import { controlIdOf } from './error-schema.ts';
import { rendererText } from './renderer-text.ts';

/** One error as the summary lists it. */
export interface SummaryError {
  path: string;
  message: string;
}

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  errors: SummaryError[];
  locale: string;
  /** Errors that have no field on this page are listed without a link. */
  linkable?: (error: SummaryError) => boolean;
  /** Where an error links to; its field's control by default. */
  hrefOf?: (error: SummaryError) => string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * "Det finns 2 fel" at the top of the page with a link per error to its field; the page moves
 * focus here after a failed attempt, and the links work without JavaScript as plain anchors.
 */
export function ErrorSummary({ errors, locale, linkable = () => true, hrefOf = (error) => `#${controlIdOf(error.path)}`, ref }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  const text = rendererText(locale);
  return (
    <div className="sf-error-summary" tabIndex={-1} ref={ref} aria-labelledby="sf-error-summary-title">
      <div role="alert">
        <h2 className="sf-error-summary-title" id="sf-error-summary-title">
          {text.errorSummary(errors.length)}
        </h2>
        <ul className="sf-error-summary-list">
          {errors.map((error, i) => (
            <li key={`${error.path}-${i}`}>
              {linkable(error) ? (
                <a href={hrefOf(error)} onClick={focusControl}>
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Moves focus to the control itself (the first radio of a group) and scrolls its label or legend
 * into view, since a fragment jump alone would hide the question above the fold.
 */
function focusControl(event: MouseEvent<HTMLAnchorElement>): void {
  const id = event.currentTarget.hash.slice(1);
  const target = document.getElementById(decodeURIComponent(id));
  if (!target) return;
  const control = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button');
  if (!control) return;
  event.preventDefault();
  const inGroup = control.closest('.sf-choices') !== null;
  const question = inGroup
    ? control.closest('fieldset')?.querySelector('legend')
    : document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
  (question ?? control).scrollIntoView();
  control.focus({ preventScroll: true });
}
