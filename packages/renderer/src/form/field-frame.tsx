import type { ReactNode } from 'react';
import { rendererText } from '../renderer-text.ts';
import type { ControlKind } from '../control-kind.ts';
import { errorId, helpId } from './control-ids.ts';
import { FieldError } from './field-error.tsx';

/** Props of {@link FieldFrame}. */
export interface FieldFrameProps {
  id: string;
  kind: Exclude<ControlKind, 'container' | 'notice'>;
  label: string;
  required: boolean;
  hint: readonly string[];
  errors: readonly string[];
  locale: string;
  children: ReactNode;
}

/**
 * Lays out one field GOV.UK-style: label (or legend), hint, error message, control. Radio and
 * checkbox groups sit in a fieldset whose legend holds the question; a single checkbox carries
 * its label itself.
 */
export function FieldFrame({ id, kind, label, required, hint, errors, locale, children }: FieldFrameProps) {
  const hasError = errors.length > 0;
  const className = `sf-field${hasError ? ' sf-field--error' : ''}`;
  const requiredMark = required ? <span className="sf-required"> {rendererText(locale).required}</span> : null;
  const hintBlock =
    hint.length > 0 ? (
      <div id={helpId(id)} className="sf-hint">
        {hint.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
    ) : null;
  const errorBlock = <FieldError id={id} messages={errors} locale={locale} />;

  if (kind === 'group') {
    const ids = [hint.length > 0 ? helpId(id) : '', hasError ? errorId(id) : ''].filter(Boolean).join(' ');
    return (
      <div className={className}>
        <fieldset className="sf-fieldset" aria-describedby={ids || undefined}>
          <legend className="sf-legend">
            {label}
            {requiredMark}
          </legend>
          {hintBlock}
          {errorBlock}
          {children}
        </fieldset>
      </div>
    );
  }

  return (
    <div className={className}>
      {kind === 'input' ? (
        <label className="sf-label" htmlFor={id}>
          {label}
          {requiredMark}
        </label>
      ) : null}
      {hintBlock}
      {errorBlock}
      {children}
    </div>
  );
}
