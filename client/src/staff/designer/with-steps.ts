import type { ServiceDefinition } from '@samform/model';

/**
 * The designer works in steps: a definition without them (a hand-written one-page form) gets
 * one step holding every field, titled like the e-service, which is how the renderer shows it.
 */
export function withSteps(definition: ServiceDefinition): ServiceDefinition {
  if (definition.steps && definition.steps.length > 0) return definition;
  const properties = (definition.schema.properties ?? {}) as Record<string, unknown>;
  return { ...definition, steps: [{ id: 'steg-1', title: { ...definition.title }, fields: Object.keys(properties) }] };
}
