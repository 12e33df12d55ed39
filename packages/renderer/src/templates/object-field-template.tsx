import { descriptionId, errorId, getTemplate, getUiOptions, titleId } from '@rjsf/utils';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { samformContext } from '../form-context.ts';
import { FieldErrorTemplate } from './field-error-template.tsx';

/**
 * The root object renders only the current step's properties, without a frame (the page's h1
 * names the step); a nested object is a fieldset whose legend is its title.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { description, fieldPathId, properties, registry, required, schema, title, uiSchema, errorSchema } = props;
  const context = samformContext(registry);
  if (fieldPathId.path.length === 0) {
    const shown = properties.filter(
      (property) => (context.stepFields?.includes(property.name) ?? true) && !context.hiddenFields?.includes(property.name),
    );
    return <div className="sf-fields">{shown.map((property) => property.content)}</div>;
  }
  const options = getUiOptions(uiSchema);
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, options);
  const DescriptionFieldTemplate = getTemplate('DescriptionFieldTemplate', registry, options);
  const errors = errorSchema?.__errors ?? [];
  const last = fieldPathId.path[fieldPathId.path.length - 1];
  // An item of a list is told apart by its number: "Köpare 1", "Köpare 2".
  const legend = typeof last === 'number' ? `${title ?? ''} ${last + 1}`.trim() : title;
  const describedBy = [description ? descriptionId(fieldPathId) : '', errors.length > 0 ? errorId(fieldPathId) : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className="sf-fieldset sf-fieldset--group" id={fieldPathId.$id} aria-describedby={describedBy || undefined}>
      {legend ? (
        <TitleFieldTemplate id={titleId(fieldPathId)} title={legend} required={required} schema={schema} uiSchema={uiSchema} registry={registry} />
      ) : null}
      {description ? (
        <DescriptionFieldTemplate id={descriptionId(fieldPathId)} description={description} schema={schema} uiSchema={uiSchema} registry={registry} />
      ) : null}
      <FieldErrorTemplate errors={errors} fieldPathId={fieldPathId} schema={schema} registry={registry} />
      {properties.map((property) => property.content)}
    </fieldset>
  );
}
