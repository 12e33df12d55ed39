import type { ServiceDefinition, Step } from '@samform/model';

/** The steps of a definition; a definition without steps is one step titled like the service. */
export function stepsOf(definition: ServiceDefinition): Step[] {
  if (definition.steps && definition.steps.length > 0) return definition.steps;
  const properties = definition.schema.properties;
  const fields = properties && typeof properties === 'object' ? Object.keys(properties) : [];
  return [{ id: 'form', title: definition.title, fields }];
}

/** The top-level property a JSON Pointer lands in: "/contact/email" -> "contact". */
export function topLevelField(pointer: string): string | undefined {
  const first = pointer.split('/')[1];
  return first === undefined || first === '' ? undefined : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The index of the step that asks for the field a pointer lands in, or -1. */
export function stepIndexOf(steps: Step[], pointer: string): number {
  const field = topLevelField(pointer);
  return field === undefined ? -1 : steps.findIndex((step) => step.fields.includes(field));
}

/** The errors that belong to one step's fields. */
export function errorsOfStep<E extends { path: string }>(errors: E[], step: Step): E[] {
  return errors.filter((error) => {
    const field = topLevelField(error.path);
    return field !== undefined && step.fields.includes(field);
  });
}
