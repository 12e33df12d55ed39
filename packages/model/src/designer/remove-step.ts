import type { ServiceDefinition } from '../definition.ts';
import { UnprocessableError } from '../errors.ts';
import { mustStep } from './nodes.ts';
import { removeFieldInPlace } from './remove-field.ts';
import { syncShowWhen } from './set-show-when.ts';
import { syncUiOrder } from './ui-order.ts';

/** Removes a step and the fields on it; the last step stays (an e-service has at least one). */
export function removeStep(definition: ServiceDefinition, stepId: string): ServiceDefinition {
  const next = structuredClone(definition);
  const step = mustStep(next, stepId);
  if ((next.steps ?? []).length <= 1) throw new UnprocessableError('last-step', 'An e-service keeps at least one step');
  for (const key of [...step.fields]) removeFieldInPlace(next, key);
  next.steps = (next.steps ?? []).filter((s) => s.id !== stepId);
  syncShowWhen(next);
  syncUiOrder(next);
  return next;
}
