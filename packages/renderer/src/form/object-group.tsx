import { formFieldId, formFieldName } from '@samform/model';
import type { JsonSchema } from '@samform/model';
import { descriptionId, errorId } from './control-ids.ts';
import { errorsAt, ownErrors } from './error-tree.ts';
import { FieldError } from './field-error.tsx';
import type { FieldProps } from './field-props.ts';
import { fieldText } from './field-text.ts';
import { isObject } from './is-object.ts';
import { GroupLegend } from './group-legend.tsx';
import { propertyOrder } from './property-order.ts';
import { requiredNames } from './schema-matches.ts';
import { SchemaField } from './schema-field.tsx';
import { uiChild, uiOptionsOf } from './ui-options.ts';

/** The properties of an object schema in display order, with their schemas. */
export function orderedProperties(schema: JsonSchema, ui: FieldProps['ui']): { key: string; schema: JsonSchema }[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return propertyOrder(Object.keys(properties), ui?.['ui:order'])
    .map((key) => ({ key, schema: properties[key] }))
    .filter((entry): entry is { key: string; schema: JsonSchema } => isObject(entry.schema));
}

/**
 * A group of fields (a nested object, or one item of a list) as a fieldset whose legend is its
 * title; an item is told apart by its number: "Köpare 1", "Köpare 2".
 */
export function ObjectGroup(props: FieldProps & { legend?: string }) {
  const { schema, ui, path, name, value, required, errors, env, legend } = props;
  const id = formFieldId(formFieldName(path));
  const options = uiOptionsOf(ui);
  const title = legend ?? fieldText(schema, options, 'title') ?? name;
  const description = fieldText(schema, options, 'description');
  const messages = ownErrors(errors);
  const describedBy = [description ? descriptionId(id) : '', messages.length > 0 ? errorId(id) : ''].filter(Boolean).join(' ');
  const answers = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const requiredHere = requiredNames(schema, answers);
  return (
    <fieldset className="sf-fieldset sf-fieldset--group" id={id} aria-describedby={describedBy || undefined}>
      <GroupLegend id={id} title={title} description={description} required={required} locale={env.locale} />
      <FieldError id={id} messages={messages} locale={env.locale} />
      {orderedProperties(schema, ui).map((property) => (
        <SchemaField
          key={property.key}
          schema={property.schema}
          ui={uiChild(ui, property.key)}
          path={[...path, property.key]}
          name={property.key}
          value={answers[property.key]}
          required={requiredHere.has(property.key)}
          errors={errorsAt(errors, property.key)}
          env={env}
        />
      ))}
    </fieldset>
  );
}
