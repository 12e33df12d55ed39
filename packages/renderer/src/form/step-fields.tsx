import { useMemo } from 'react';
import type { JsonSchema } from '@samform/model';
import type { ErrorTree } from './error-tree.ts';
import { errorsAt } from './error-tree.ts';
import type { AnswerPath, FormEnv } from './field-props.ts';
import { orderedProperties } from './object-group.tsx';
import { requiredNames } from './schema-matches.ts';
import { SchemaField } from './schema-field.tsx';
import type { UiNode } from './ui-options.ts';
import { uiChild } from './ui-options.ts';

/** Props of {@link StepFields}. */
export interface StepFieldsProps {
  /** The localised root schema and uiSchema. */
  schema: JsonSchema;
  ui: UiNode | undefined;
  answers: Record<string, unknown>;
  errors: ErrorTree;
  /** The top-level fields of the step, and those hidden by "show when" for the answers so far. */
  stepFields: readonly string[] | undefined;
  hiddenFields: ReadonlySet<string>;
  env: FormEnv;
}

/**
 * The current step's top-level fields, without a frame (the page's h1 names the step). Each
 * field gets the same path array every time, so memoised fields skip re-rendering while their
 * own answer and errors stay the same.
 */
export function StepFields({ schema, ui, answers, errors, stepFields, hiddenFields, env }: StepFieldsProps) {
  const paths = useMemo(() => new Map<string, AnswerPath>(), [schema]);
  const pathOf = (key: string): AnswerPath => {
    let path = paths.get(key);
    if (path === undefined) paths.set(key, (path = [key]));
    return path;
  };
  const ordered = useMemo(() => orderedProperties(schema, ui), [schema, ui]);
  const inStep = useMemo(() => (stepFields ? new Set(stepFields) : undefined), [stepFields]);
  const required = requiredNames(schema, answers);
  const shown = ordered.filter((property) => (inStep?.has(property.key) ?? true) && !hiddenFields.has(property.key));
  return (
    <div className="sf-fields">
      {shown.map((property) => (
        <SchemaField
          key={property.key}
          schema={property.schema}
          ui={uiChild(ui, property.key)}
          path={pathOf(property.key)}
          name={property.key}
          value={answers[property.key]}
          required={required.has(property.key)}
          errors={errorsAt(errors, property.key)}
          env={env}
        />
      ))}
    </div>
  );
}
