import type { Condition, LocalText } from '../definition.ts';
import type { FieldKind } from './field-kinds.ts';
import type { PatternSpec } from './pattern-spec.ts';

/** One choice of a single- or multiple-choice (or yes/no) field: a stable value and its label. */
export interface FieldOption {
  value: string | number | boolean;
  label: LocalText;
}

/** A date field's rule, counted from the day of receipt (`minDaysAhead: 0` is "not in the past"). */
export interface DateRuleSettings {
  minDaysAhead?: number;
  maxDaysAhead?: number;
  minWorkdaysAhead?: number;
}

/**
 * What the designer's property panel edits for one field; `readField` fills in what applies to
 * the kind. Notices (heading, information, stop-notice) use `label` as the heading and `help`
 * as the body text.
 */
export interface FieldSettings {
  kind: FieldKind;
  /** The property key (the last segment of the field path). */
  key: string;
  label: LocalText;
  help?: LocalText;
  required: boolean;
  /** Read only here: change it with `setShowWhen`. */
  showWhen?: Condition;
  minLength?: number;
  maxLength?: number;
  pattern?: PatternSpec;
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  options?: FieldOption[];
  widget?: 'radio' | 'select';
  dateRule?: DateRuleSettings;
  minItems?: number;
  maxItems?: number;
  /** Attachment: accepted MIME types (checked from the content), bytes per file and file count. */
  accept?: string[];
  maxBytes?: number;
  maxFiles?: number;
  /** The fields of a group or repeated group, in order. */
  fields?: FieldSettings[];
}
