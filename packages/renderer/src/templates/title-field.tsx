import type { TitleFieldProps } from '@rjsf/utils';
import { localeOf } from '../form-context.ts';
import { rendererText } from '../renderer-text.ts';

/** The legend of a group of fields (an object or a list), with required marked in text. */
export function TitleField({ id, title, required, registry }: TitleFieldProps) {
  return (
    <legend id={id} className="sf-legend">
      {title}
      {required ? <span className="sf-required"> {rendererText(localeOf(registry)).required}</span> : null}
    </legend>
  );
}
