import { enumOptionsIsSelected, optionId } from '@rjsf/utils';
import type { WidgetProps } from '@rjsf/utils';

/**
 * One choice among a few, as radios; the field template puts them in a fieldset whose legend is
 * the question and whose aria-describedby carries the hint and error.
 */
export function RadioWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, options, rawErrors, onChange, onBlur, onFocus } = props;
  const enumOptions = options.enumOptions ?? [];
  const hasError = (rawErrors?.length ?? 0) > 0;
  return (
    <div className={`sf-choices${options.inline ? ' sf-choices--inline' : ''}`} id={id}>
      {enumOptions.map((option, i) => (
        <div className="sf-choice sf-choice--radio" key={String(option.value)}>
          <input
            type="radio"
            className="sf-choice-input"
            id={optionId(id, i)}
            name={htmlName || id}
            value={String(option.value)}
            checked={enumOptionsIsSelected(option.value, value)}
            disabled={disabled || readonly}
            aria-invalid={hasError || undefined}
            onChange={() => onChange(option.value)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
          />
          <label className="sf-choice-label" htmlFor={optionId(id, i)}>
            {option.label}
          </label>
        </div>
      ))}
    </div>
  );
}
