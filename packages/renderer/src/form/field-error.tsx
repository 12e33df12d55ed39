import { rendererText } from '../renderer-text.ts';
import { errorId } from './control-ids.ts';

/** The inline error beside a field, with a hidden "Fel:" so it is clear when read alone. */
export function FieldError({ id, messages, locale }: { id: string; messages: readonly string[]; locale: string }) {
  const shown = messages.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <p id={errorId(id)} className="sf-error-message">
      <span className="sf-visually-hidden">{rendererText(locale).errorPrefix} </span>
      {shown.map((message, i) => (
        <span key={i} className="sf-error-line">
          {message}
        </span>
      ))}
    </p>
  );
}
