import type { LocalText, ServiceDefinition } from '../definition.ts';
import { ensureSteps, uniqueKey } from './nodes.ts';

/** Adds an empty step at `index` (default: last); answers its id (`steg-2`, `steg-3`, …). */
export function addStep(
  definition: ServiceDefinition,
  options: { title?: LocalText; index?: number } = {},
): { definition: ServiceDefinition; stepId: string } {
  const next = structuredClone(definition);
  const steps = ensureSteps(next);
  const taken = new Set(steps.map((s) => s.id));
  let n = steps.length + 1;
  while (taken.has(`steg-${n}`)) n += 1;
  const stepId = uniqueKey(`steg-${n}`, taken);
  const title = options.title ?? { sv: `Steg ${n}`, en: `Step ${n}` };
  steps.splice(Math.max(0, Math.min(options.index ?? steps.length, steps.length)), 0, { id: stepId, title: structuredClone(title), fields: [] });
  return { definition: next, stepId };
}
