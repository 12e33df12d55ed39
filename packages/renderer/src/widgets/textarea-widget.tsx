import type { ControlProps } from '../form/control-props.ts';
import { describedBy } from '../hint.ts';

/** A multi-line text answer, linked to its hint and error like every input. */
export function TextareaWidget({ id, name, options, value, required, readonly, hasHint, hasError, onChange }: ControlProps) {
  return (
    <textarea
      id={id}
      name={name}
      className={`sf-textarea${hasError ? ' sf-input--error' : ''}`}
      value={typeof value === 'string' ? value : ''}
      rows={typeof options.rows === 'number' ? options.rows : 5}
      readOnly={readonly || undefined}
      autoComplete={typeof options.autocomplete === 'string' ? options.autocomplete : undefined}
      aria-required={required || undefined}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy(id, hasHint, hasError)}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
    />
  );
}
