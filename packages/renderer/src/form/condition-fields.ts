import type { ServiceDefinition } from '@samform/model';
import { isObject } from './is-object.ts';


/**
 * The top-level fields some condition of the e-service reads: "show when" of fields and steps,
 * and the schema's `if`/`allOf`/`dependencies` rules. Only a change to one of these can show,
 * hide or require another field; any other keystroke leaves the page's layout as it is.
 */
export function conditionFields(definition: ServiceDefinition): Set<string> {
  const schema = definition.schema;
  const ui = isObject(definition.uiSchema) ? definition.uiSchema : {};
  const conditions: unknown[] = [schema.if, schema.then, schema.else, schema.allOf, schema.anyOf, schema.oneOf, schema.dependencies, schema.dependentRequired, schema.dependentSchemas];
  for (const step of definition.steps ?? []) conditions.push(step.showWhen);
  for (const entry of Object.values(ui)) if (isObject(entry)) conditions.push(entry['ui:showWhen']);
  const text = JSON.stringify(conditions);
  const properties = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  // A field is read by a condition when its name appears in one, as a property key, a required
  // name or a condition's `field` path ("contact.email" reads "contact"): a cheap and safe test,
  // since a false "yes" only costs one needless re-render.
  return new Set(properties.filter((key) => text.includes(JSON.stringify(key)) || text.includes(`"${key}.`)));
}
