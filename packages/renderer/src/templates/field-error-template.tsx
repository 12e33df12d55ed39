import { errorId } from '@rjsf/utils';
import type { FieldErrorProps } from '@rjsf/utils';
import { localeOf } from '../form-context.ts';
import { rendererText } from '../renderer-text.ts';

/** The inline error beside a field, with a hidden "Fel:" so it is clear when read alone. */
export function FieldErrorTemplate({ errors = [], fieldPathId, registry }: FieldErrorProps) {
  const messages = errors.filter(Boolean);
  if (messages.length === 0) return null;
  const text = rendererText(localeOf(registry));
  return (
    <p id={errorId(fieldPathId)} className="sf-error-message">
      <span className="sf-visually-hidden">{text.errorPrefix} </span>
      {messages.map((message, i) => (
        <span key={i} className="sf-error-line">
          {message}
        </span>
      ))}
    </p>
  );
}

/** Help is part of the hint the field template renders, so nothing is rendered here. */
export function FieldHelpTemplate() {
  return null;
}
