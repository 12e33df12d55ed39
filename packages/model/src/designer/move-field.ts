import type { ServiceDefinition } from '../definition.ts';
import { UnprocessableError } from '../errors.ts';
import { ensureSteps, mustPlace, mustStep } from './nodes.ts';
import { syncShowWhen } from './set-show-when.ts';
import { syncUiOrder } from './ui-order.ts';

/** Moves a top-level field to `toIndex` of a step (the same step or another one). */
export function moveField(definition: ServiceDefinition, key: string, toStepId: string, toIndex: number): ServiceDefinition {
  const next = structuredClone(definition);
  if (!mustPlace(next, key).topLevel) throw new UnprocessableError('nested-field', `Only a top-level field moves between steps: "${key}"`);
  const steps = ensureSteps(next);
  const target = mustStep(next, toStepId);
  for (const step of steps) step.fields = step.fields.filter((k) => k !== key);
  target.fields.splice(Math.max(0, Math.min(toIndex, target.fields.length)), 0, key);
  syncShowWhen(next);
  syncUiOrder(next);
  return next;
}
