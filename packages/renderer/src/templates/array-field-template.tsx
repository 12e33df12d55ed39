import { cloneElement, isValidElement, useEffect, useRef } from 'react';
import type { MouseEvent, ReactElement } from 'react';
import { buttonId, descriptionId, errorId, getTemplate, getUiOptions, titleId } from '@rjsf/utils';
import type { ArrayFieldItemButtonsTemplateProps, ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, IconButtonProps } from '@rjsf/utils';
import { localeOf } from '../form-context.ts';
import { groupAction } from '../group-action.ts';
import { rendererText } from '../renderer-text.ts';
import { FieldErrorTemplate } from './field-error-template.tsx';

const FIELDS = 'input, select, textarea';

/**
 * A list of repeated groups (e.g. up to two buyers) in a fieldset, with an add button in words.
 * The add and remove buttons submit the step's form with `_action` ("add:buyers",
 * "remove:buyers.0") so they work without JavaScript; with it, rjsf changes the list in the page.
 */
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
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const name = itemName(schema, label);
  // rjsf titles items "Köpare-1"; the item's legend and its remove button add the number themselves.
  // No remove at minItems (the server refuses it too).
  const itemTitle = itemSchemaTitle(schema) ?? label;
  const shown = items.map((item) => cloneElement(item as ReactElement<{ title?: string; canRemove?: boolean }>, { ...(itemTitle ? { title: itemTitle } : {}), canRemove: items.length > minItems }));

  // With JavaScript, focus goes where the page without it lands: the new item's first field after
  // an add; the group's first field after a removal took the pressed button away.
  const group = useRef<HTMLFieldSetElement>(null);
  const added = useRef(false);
  const count = useRef(items.length);
  useEffect(() => {
    const before = count.current;
    count.current = items.length;
    const fieldset = group.current;
    if (!fieldset || items.length === before) return;
    const rows = fieldset.querySelectorAll<HTMLElement>(':scope > .sf-array-items > .sf-array-item');
    if (items.length > before && added.current) rows[rows.length - 1]?.querySelector<HTMLElement>(FIELDS)?.focus();
    else if (items.length < before && !fieldset.contains(document.activeElement)) fieldset.querySelector<HTMLElement>(FIELDS)?.focus();
    added.current = false;
  }, [items.length]);
  const add = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    added.current = true;
    onAddClick();
  };

  return (
    <fieldset ref={group} className="sf-fieldset sf-fieldset--group" id={fieldPathId.$id} aria-describedby={describedBy || undefined}>
      {label ? <TitleFieldTemplate id={titleId(fieldPathId)} title={label} required={required} schema={schema} uiSchema={uiSchema} registry={registry} /> : null}
      {description ? (
        <div id={descriptionId(fieldPathId)} className="sf-hint">
          <p>{String(description)}</p>
        </div>
      ) : null}
      <FieldErrorTemplate errors={errors} fieldPathId={fieldPathId} schema={schema} registry={registry} />
      <div className="sf-array-items">{shown}</div>
      {canAdd && items.length < maxItems ? (
        <button
          type="submit"
          name="_action"
          value={groupAction('add', fieldPathId.path)}
          id={buttonId(fieldPathId, 'add')}
          className="sf-button sf-button--secondary"
          onClick={add}
          disabled={disabled || readonly}
        >
          {text.add(name)}
        </button>
      ) : null}
    </fieldset>
  );
}

/** One item of a list with its remove button under it. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const ButtonsTemplate = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  // The item's title ("Köpare") as the array template gave it, for "Ta bort köpare 2".
  const title = isValidElement<{ title?: unknown }>(children) && typeof children.props.title === 'string' ? children.props.title : undefined;
  const schema = title === undefined ? buttonsProps.schema : { ...buttonsProps.schema, title };
  return (
    <div className="sf-array-item">
      {children}
      {hasToolbar ? <ButtonsTemplate {...buttonsProps} schema={schema} /> : null}
    </div>
  );
}

/**
 * Only a remove button, named with the item ("Ta bort köpare 2"), posting `_action` "remove:buyers.1"
 * without JavaScript; reordering is not offered.
 */
export function ArrayFieldItemButtonsTemplate(props: ArrayFieldItemButtonsTemplateProps) {
  const { hasRemove, onRemoveItem, disabled, readonly, registry, fieldPathId, index, schema } = props;
  if (!hasRemove) return null;
  const text = rendererText(localeOf(registry));
  const remove = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    onRemoveItem(event);
  };
  return (
    <button
      type="submit"
      name="_action"
      value={groupAction('remove', fieldPathId.path)}
      id={buttonId(fieldPathId, 'remove')}
      className="sf-button sf-button--secondary"
      onClick={remove}
      disabled={disabled || readonly}
    >
      {text.remove(text.item(typeof schema.title === 'string' ? schema.title.toLocaleLowerCase('sv') : '', index + 1))}
    </button>
  );
}

/** The title of a list's item schema, when it has one. */
function itemSchemaTitle(schema: ArrayFieldTemplateProps['schema']): string | undefined {
  const items = schema.items;
  return items && typeof items === 'object' && !Array.isArray(items) && typeof items.title === 'string' ? items.title : undefined;
}

/** The name of one item of a list in a sentence: the item schema's title, else the list's in lower case ("köpare"). */
function itemName(schema: ArrayFieldTemplateProps['schema'], listTitle: string | undefined): string {
  return itemSchemaTitle(schema) ?? (listTitle ?? '').toLocaleLowerCase('sv');
}

/** Array and object add buttons are drawn by the templates above; these stand in for rjsf's icon buttons. */
export function TextButton({ title, iconType: _iconType, icon: _icon, registry: _registry, uiSchema: _uiSchema, className, ...rest }: IconButtonProps) {
  return (
    <button type="button" className={`sf-button sf-button--secondary ${className ?? ''}`.trim()} {...rest}>
      {title}
    </button>
  );
}
