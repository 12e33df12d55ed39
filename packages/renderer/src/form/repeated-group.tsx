import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { formFieldId, formFieldName } from '@samform/model';
import type { JsonSchema } from '@samform/model';
import { groupAction } from '../group-action.ts';
import { rendererText } from '../renderer-text.ts';
import { buttonId, descriptionId, errorId } from './control-ids.ts';
import { errorsAt, ownErrors } from './error-tree.ts';
import { FieldError } from './field-error.tsx';
import type { FieldProps } from './field-props.ts';
import { fieldText } from './field-text.ts';
import { isObject } from './is-object.ts';
import { GroupLegend } from './group-legend.tsx';
import { ObjectGroup } from './object-group.tsx';
import { SchemaField } from './schema-field.tsx';
import { uiChild, uiOptionsOf } from './ui-options.ts';

const FIELDS = 'input, select, textarea';

/**
 * A list of repeated groups (e.g. up to two buyers) in a fieldset, with an add button in words.
 * The add and remove buttons submit the step's form with `_action` ("add:buyers",
 * "remove:buyers.0") so they work without JavaScript; with it, the list changes in the page.
 * A list shorter than its `minItems` shows empty items up to it.
 */
export function RepeatedGroup({ schema, ui, path, name, value, required, errors, env }: FieldProps) {
  const id = formFieldId(formFieldName(path));
  const options = uiOptionsOf(ui);
  const text = rendererText(env.locale);
  const label = fieldText(schema, options, 'title') ?? name;
  const description = fieldText(schema, options, 'description');
  const messages = ownErrors(errors);
  const describedBy = [description ? descriptionId(id) : '', messages.length > 0 ? errorId(id) : ''].filter(Boolean).join(' ');
  const itemSchema: JsonSchema = isObject(schema.items) ? schema.items : {};
  const itemUi = uiChild(ui, 'items');
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const answers: unknown[] = Array.isArray(value) ? value : [];
  const count = Math.max(answers.length, minItems);
  // The item's legend and its remove button add the number themselves: "Köpare 1", "Ta bort köpare 1".
  const itemTitle = typeof itemSchema.title === 'string' ? itemSchema.title : label;
  const itemName = typeof itemSchema.title === 'string' ? itemSchema.title : label.toLocaleLowerCase('sv');
  const addable = options.addable !== false && count < maxItems;

  // With JavaScript, focus goes where the page without it lands: the new item's first field after
  // an add; the group's first field after a removal took the pressed button away.
  const group = useRef<HTMLFieldSetElement>(null);
  const added = useRef(false);
  const shownCount = useRef(count);
  useEffect(() => {
    const before = shownCount.current;
    shownCount.current = count;
    const fieldset = group.current;
    if (!fieldset || count === before) return;
    const rows = fieldset.querySelectorAll<HTMLElement>(':scope > .sf-array-items > .sf-array-item');
    if (count > before && added.current) rows[rows.length - 1]?.querySelector<HTMLElement>(FIELDS)?.focus();
    else if (count < before && !fieldset.contains(document.activeElement)) fieldset.querySelector<HTMLElement>(FIELDS)?.focus();
    added.current = false;
  }, [count]);

  const items = Array.from({ length: count }, (_, i) => answers[i]);
  const add = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    added.current = true;
    env.change(path, [...items, undefined].map((item) => item ?? {}));
  };
  const remove = (index: number) => (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    env.change(path, items.filter((_, i) => i !== index).map((item) => item ?? {}));
  };

  return (
    <fieldset ref={group} className="sf-fieldset sf-fieldset--group" id={id} aria-describedby={describedBy || undefined}>
      <GroupLegend id={id} title={label} description={description} required={required} locale={env.locale} />
      <FieldError id={id} messages={messages} locale={env.locale} />
      <div className="sf-array-items">
        {items.map((item, index) => {
          const itemPath = [...path, index];
          const itemErrors = errorsAt(errors, index);
          return (
            <div className="sf-array-item" key={index}>
              {itemSchema.type === 'object' ? (
                <ObjectGroup schema={itemSchema} ui={itemUi} path={itemPath} name={String(index)} value={item} required={required} errors={itemErrors} env={env} legend={text.item(itemTitle, index + 1)} />
              ) : (
                <SchemaField schema={itemSchema} ui={itemUi} path={itemPath} name={`${itemTitle} ${index + 1}`} value={item} required={required} errors={itemErrors} env={env} />
              )}
              {count > minItems ? (
                <button
                  type="submit"
                  name="_action"
                  value={groupAction('remove', itemPath)}
                  id={buttonId(formFieldId(formFieldName(itemPath)), 'remove')}
                  className="sf-button sf-button--secondary"
                  onClick={remove(index)}
                >
                  {text.remove(text.item(itemName.toLocaleLowerCase('sv'), index + 1))}
                </button>
              ) : null}
            </div>
          );
        })}
      </div>
      {addable ? (
        <button type="submit" name="_action" value={groupAction('add', path)} id={buttonId(id, 'add')} className="sf-button sf-button--secondary" onClick={add}>
          {text.add(itemName)}
        </button>
      ) : null}
    </fieldset>
  );
}
