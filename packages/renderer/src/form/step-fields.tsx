import { memo, useEffect, useMemo, useReducer, useState } from 'react';
import type { JsonSchema } from '@samform/model';
import type { AnswerFeed } from './answer-feed.ts';
import type { ErrorTree } from './error-tree.ts';
import { errorsAt } from './error-tree.ts';
import type { AnswerPath, FormEnv } from './field-props.ts';
import { orderedProperties } from './object-group.tsx';
import { requiredNames } from './schema-matches.ts';
import { SchemaField } from './schema-field.tsx';
import type { UiNode } from './ui-options.ts';
import { uiChild } from './ui-options.ts';

// Fields go in blocks that contain their layout and paint: a keystroke re-lays and repaints one
// block, and the browser keeps a handful of paint layers, not one per question (each layer costs
// every frame something to cull, composite and hit-test).
const BLOCK = 20;

/** Props of {@link StepFields}. */
export interface StepFieldsProps {
  /** The localised root schema and uiSchema. */
  schema: JsonSchema;
  ui: UiNode | undefined;
  /** The answers, and the feed that tells each field of a change to its own. */
  answers: Record<string, unknown>;
  feed: AnswerFeed;
  errors: ErrorTree;
  /** The top-level fields of the step, and those hidden by "show when" for the answers so far. */
  stepFields: readonly string[] | undefined;
  hiddenFields: ReadonlySet<string>;
  env: FormEnv;
}

interface LiveFieldProps {
  feed: AnswerFeed;
  schema: JsonSchema;
  ui: UiNode | undefined;
  path: AnswerPath;
  name: string;
  required: boolean;
  errors: ErrorTree | undefined;
  env: FormEnv;
}

/** A top-level field that re-renders itself when its own answer changes. */
const LiveField = memo(function LiveField({ feed, ...props }: LiveFieldProps) {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => feed.subscribe(props.name, refresh), [feed, props.name]);
  return <SchemaField {...props} value={feed.value(props.name)} />;
});

/**
 * The current step's top-level fields, without a frame (the page's h1 names the step). Each
 * field gets the same path array every time and listens for its own answer, so a keystroke
 * re-renders one field, whatever the size of the form.
 */
export function StepFields({ schema, ui, answers, feed, errors, stepFields, hiddenFields, env }: StepFieldsProps) {
  const paths = useMemo(() => new Map<string, AnswerPath>(), [schema]);
  const pathOf = (key: string): AnswerPath => {
    let path = paths.get(key);
    if (path === undefined) paths.set(key, (path = [key]));
    return path;
  };
  const ordered = useMemo(() => orderedProperties(schema, ui), [schema, ui]);
  const inStep = useMemo(() => (stepFields ? new Set(stepFields) : undefined), [stepFields]);
  const required = requiredNames(schema, answers);
  // Blocks are cut from the step's fields before "show when" hides any, so a field never moves
  // to another block (and is never remounted) when one above it comes or goes.
  const inThisStep = ordered.filter((property) => inStep?.has(property.key) ?? true);
  const blocks = Array.from({ length: Math.ceil(inThisStep.length / BLOCK) }, (_, i) =>
    inThisStep.slice(i * BLOCK, (i + 1) * BLOCK).filter((property) => !hiddenFields.has(property.key)),
  );
  // Once the page is interactive, blocks off screen skip rendering altogether. Not in the served
  // markup: Chromium's form scan at DOMContentLoaded forces a layout per field inside skipped
  // blocks, which delayed hydration by seconds on a 200-field form.
  const [lazy, setLazy] = useState(false);
  useEffect(() => setLazy(blocks.length > 1), [blocks.length > 1]);
  return (
    <div className={lazy ? 'sf-fields sf-fields--long' : 'sf-fields'}>
      {blocks.map((block, index) =>
        block.length === 0 ? null : (
          <div className="sf-field-block" key={index}>
            {block.map((property) => (
              <LiveField
                key={property.key}
                feed={feed}
                schema={property.schema}
                ui={uiChild(ui, property.key)}
                path={pathOf(property.key)}
                name={property.key}
                required={required.has(property.key)}
                errors={errorsAt(errors, property.key)}
                env={env}
              />
            ))}
          </div>
        ),
      )}
    </div>
  );
}
