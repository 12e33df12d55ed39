import type { LocalText, ServiceDefinition } from '../definition.ts';
import { mustStep } from './nodes.ts';

/** Gives a step a new title. */
export function renameStep(definition: ServiceDefinition, stepId: string, title: LocalText): ServiceDefinition {
  const next = structuredClone(definition);
  mustStep(next, stepId).title = structuredClone(title);
  return next;
}
