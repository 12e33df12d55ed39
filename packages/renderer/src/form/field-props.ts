import type { JsonSchema } from '@samform/model';
import type { ErrorTree } from './error-tree.ts';
import type { UiNode } from './ui-options.ts';

/** A path to an answer: property names and list indexes ("buyers", 0, "name"). */
export type AnswerPath = readonly (string | number)[];

/** What every field of one form shares; one object per form, so fields can skip re-rendering. */
export interface FormEnv {
  locale: string;
  /** Sets the answer at a path (undefined clears it). */
  change(path: AnswerPath, value: unknown): void;
  /** Where an attachment field (by form name) uploads its files; unset in a preview, which uploads nothing. */
  attachmentUploadUrl?: (field: string) => string;
}

/** The props of one field of the form, at any depth. */
export interface FieldProps {
  schema: JsonSchema;
  ui: UiNode | undefined;
  path: AnswerPath;
  /** The name of the field when its schema has no title. */
  name: string;
  value: unknown;
  required: boolean;
  errors: ErrorTree | undefined;
  env: FormEnv;
}
