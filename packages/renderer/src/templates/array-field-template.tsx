import { buttonId, descriptionId, errorId, getTemplate, getUiOptions, titleId } from '@rjsf/utils';
import type { ArrayFieldItemButtonsTemplateProps, ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, IconButtonProps } from '@rjsf/utils';
import { localeOf } from '../form-context.ts';
import { rendererText } from '../renderer-text.ts';
import { FieldErrorTemplate } from './field-error-template.tsx';

/** A list of repeated groups (e.g. up to two buyers) in a fieldset, with an add button in words. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, disabled, readonly, fieldPathId, items, onAddClick, registry, required, schema, title, uiSchema, rawErrors } = props;
  const options = getUiOptions(uiSchema);
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, options);
  const description = options.description ?? schema.description;
  const errors = rawErrors ?? [];
  const describedBy = [description ? descriptionId(fieldPathId) : '', errors.length > 0 ? errorId(fieldPathId) : '']
    .filter(Boolean)
    .join(' ');
  const label = options.title ?? title;
  const text = rendererText(localeOf(registry));
  return (
    <fieldset className="sf-fieldset sf-fieldset--group" id={fieldPathId.$id} aria-describedby={describedBy || undefined}>
      {label ? <TitleFieldTemplate id={titleId(fieldPathId)} title={label} required={required} schema={schema} uiSchema={uiSchema} registry={registry} /> : null}
      {description ? (
        <div id={descriptionId(fieldPathId)} className="sf-hint">
          <p>{String(description)}</p>
        </div>
      ) : null}
      <FieldErrorTemplate errors={errors} fieldPathId={fieldPathId} schema={schema} registry={registry} />
      <div className="sf-array-items">{items}</div>
      {canAdd ? (
        <button type="button" id={buttonId(fieldPathId, 'add')} className="sf-button sf-button--secondary" onClick={onAddClick} disabled={disabled || readonly}>
          {text.add(itemName(schema, label))}
        </button>
      ) : null}
    </fieldset>
  );
}

/** One item of a list with its remove button under it. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const ButtonsTemplate = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <div className="sf-array-item">
      {children}
      {hasToolbar ? <ButtonsTemplate {...buttonsProps} /> : null}
    </div>
  );
}

/** Only a remove button, named with the item ("Ta bort Köpare 2"); reordering is not offered. */
export function ArrayFieldItemButtonsTemplate(props: ArrayFieldItemButtonsTemplateProps) {
  const { hasRemove, onRemoveItem, disabled, readonly, registry, fieldPathId, index, schema } = props;
  if (!hasRemove) return null;
  const text = rendererText(localeOf(registry));
  return (
    <button type="button" id={buttonId(fieldPathId, 'remove')} className="sf-button sf-button--secondary" onClick={onRemoveItem} disabled={disabled || readonly}>
      {text.remove(text.item(typeof schema.title === 'string' ? schema.title : '', index + 1))}
    </button>
  );
}

/** The name of one item of a list: the item schema's title, else the list's. */
function itemName(schema: ArrayFieldTemplateProps['schema'], listTitle: string | undefined): string {
  const items = schema.items;
  if (items && typeof items === 'object' && !Array.isArray(items) && typeof items.title === 'string') return items.title;
  return (listTitle ?? '').toLowerCase();
}

/** Array and object add buttons are drawn by the templates above; these stand in for rjsf's icon buttons. */
export function TextButton({ title, iconType: _iconType, icon: _icon, registry: _registry, uiSchema: _uiSchema, className, ...rest }: IconButtonProps) {
  return (
    <button type="button" className={`sf-button sf-button--secondary ${className ?? ''}`.trim()} {...rest}>
      {title}
    </button>
  );
}
