import { enumOptionsDeselectValue, enumOptionsIsSelected, enumOptionsSelectValue, optionId } from '@rjsf/utils';
import type { WidgetProps } from '@rjsf/utils';

/** Several choices from a list, as checkboxes inside the field's fieldset. */
export function CheckboxesWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, options, rawErrors, onChange, onBlur, onFocus } = props;
  const enumOptions = options.enumOptions ?? [];
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const hasError = (rawErrors?.length ?? 0) > 0;
  return (
    <div className="sf-choices" id={id}>
      {enumOptions.map((option, i) => (
        <div className="sf-choice sf-choice--checkbox" key={String(option.value)}>
          <input
            type="checkbox"
            className="sf-choice-input"
            id={optionId(id, i)}
            name={htmlName || id}
            value={String(option.value)}
            checked={enumOptionsIsSelected(option.value, selected)}
            disabled={disabled || readonly}
            aria-invalid={hasError || undefined}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? enumOptionsSelectValue(i, selected, enumOptions)
                  : enumOptionsDeselectValue(i, selected, enumOptions),
              )
            }
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
