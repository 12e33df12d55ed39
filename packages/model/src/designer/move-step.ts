import type { ServiceDefinition } from '../definition.ts';
import { mustStep } from './nodes.ts';
import { syncUiOrder } from './ui-order.ts';

/** Moves a step to `toIndex` among the steps. */
export function moveStep(definition: ServiceDefinition, stepId: string, toIndex: number): ServiceDefinition {
  const next = structuredClone(definition);
  const step = mustStep(next, stepId);
  const rest = (next.steps ?? []).filter((s) => s !== step);
  rest.splice(Math.max(0, Math.min(toIndex, rest.length)), 0, step);
  next.steps = rest;
  syncUiOrder(next);
  return next;
}
