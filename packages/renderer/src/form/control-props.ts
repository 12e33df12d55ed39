import type { JsonSchema } from '@samform/model';
import type { EnumOption } from './enum-options.ts';
import type { UiOptions } from './ui-options.ts';

/** The props of one control (input, select, radios, …) inside its field's frame. */
export interface ControlProps {
  id: string;
  /** The control's name in a plain form post ("contact.email"). */
  name: string;
  schema: JsonSchema;
  options: UiOptions;
  value: unknown;
  label: string;
  required: boolean;
  readonly: boolean;
  hasHint: boolean;
  hasError: boolean;
  locale: string;
  /** The choices of a radio group, select or checkbox list. */
  choices: EnumOption[];
  onChange(value: unknown): void;
}
