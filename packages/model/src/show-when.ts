import type { Condition, ServiceDefinition, Step } from './definition.ts';
import { evaluateCondition } from './route-submission.ts';

type Answers = { [key: string]: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldCondition(definition: ServiceDefinition, field: string): Condition | undefined {
  const ui = isRecord(definition.uiSchema) ? definition.uiSchema[field] : undefined;
  return isRecord(ui) && isRecord(ui['ui:showWhen']) ? (ui['ui:showWhen'] as Condition) : undefined;
}

/** Whether a step is shown for these answers ("show this step when …"). */
export function isStepShown(step: Step, answers: unknown): boolean {
  return step.showWhen === undefined || evaluateCondition(step.showWhen, answers);
}

/**
 * The top-level fields hidden for these answers, by their own `ui:showWhen` or their step's
 * `showWhen`: the page does not show them and their answers are not sent.
 */
export function hiddenFields(definition: ServiceDefinition, answers: unknown): Set<string> {
  const hidden = new Set<string>();
  for (const step of definition.steps ?? []) {
    if (!isStepShown(step, answers)) for (const field of step.fields) hidden.add(field);
  }
  const properties = isRecord(definition.schema.properties) ? Object.keys(definition.schema.properties) : [];
  for (const field of properties) {
    const condition = fieldCondition(definition, field);
    if (condition !== undefined && !evaluateCondition(condition, answers)) hidden.add(field);
  }
  return hidden;
}

/** The answers without those of hidden fields: what the citizen could not see is not sent. */
export function withoutHiddenAnswers<A extends Answers>(definition: ServiceDefinition, answers: A): A {
  const hidden = hiddenFields(definition, answers);
  if (hidden.size === 0) return answers;
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !hidden.has(key))) as A;
}

/**
 * The next step to show after `from` (-1 for before the first), skipping hidden steps; -1 when
 * none is left and the review page comes next.
 */
export function nextShownStep(steps: Step[], from: number, answers: unknown): number {
  for (let i = from + 1; i < steps.length; i++) if (isStepShown(steps[i]!, answers)) return i;
  return -1;
}

/** The step shown before `from`, skipping hidden steps; -1 when `from` is the first shown. */
export function previousShownStep(steps: Step[], from: number, answers: unknown): number {
  for (let i = from - 1; i >= 0; i--) if (isStepShown(steps[i]!, answers)) return i;
  return -1;
}
