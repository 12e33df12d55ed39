import { useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { FIELD_KIND_INFO, readField, text } from '@samform/model';
import type { ServiceDefinition, Step } from '@samform/model';
import { staffText } from '../staff-text.ts';

/** The drag data type of a field row (only this app's rows are dropped here). */
export const FIELD_DRAG_TYPE = 'application/x-samform-field';

/** What a field row can ask for. */
export interface FieldListActions {
  select(key: string): void;
  /** Move within the step to a final position. */
  move(key: string, toIndex: number): void;
  moveToStep(key: string, stepId: string): void;
  duplicate(key: string): void;
  remove(key: string): void;
}

/** A field's name in the list: its label, or "(utan fråga)". */
export function fieldName(definition: ServiceDefinition, key: string, locale: string): string {
  return text(definition.texts[key]?.label, locale).trim() || staffText(locale).untitledField;
}

/** The row's select button's id, to give it focus. */
export const rowId = (key: string): string => `st-row-${key}`;

/**
 * The fields of one step in order: each a selectable row. Rows move by drag and drop, and by
 * keyboard (Alt+↑/↓ on the selected row, or its Flytta upp/ned buttons); ↑/↓ go between rows.
 */
export function FieldList({
  definition,
  step,
  steps,
  selected,
  locale,
  actions,
  withErrors = new Set(),
}: {
  definition: ServiceDefinition;
  step: Step;
  steps: Step[];
  selected: string | undefined;
  locale: string;
  actions: FieldListActions;
  /** Keys of fields the publish checks found errors in. */
  withErrors?: ReadonlySet<string>;
}) {
  const t = staffText(locale);
  const [dragging, setDragging] = useState<string | undefined>();
  const [dropAt, setDropAt] = useState<{ index: number; after: boolean } | undefined>();
  const fields = step.fields;

  const focusRow = (index: number) => {
    const key = fields[index];
    if (key !== undefined) document.getElementById(rowId(key))?.focus();
  };

  const onRowKeyDown = (event: KeyboardEvent, key: string, index: number) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = index + (event.key === 'ArrowUp' ? -1 : 1);
      if (to < 0 || to >= fields.length) return;
      if (selected !== key) actions.select(key);
      actions.move(key, to);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      focusRow(index - 1);
    } else if (event.key === 'ArrowDown' && index < fields.length - 1) {
      event.preventDefault();
      focusRow(index + 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusRow(fields.length - 1);
    } else if (event.key === 'Delete' && selected === key) {
      event.preventDefault();
      actions.remove(key);
    }
  };

  const onDragOver = (event: DragEvent, index: number) => {
    if (!event.dataTransfer.types.includes(FIELD_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    if (dropAt?.index !== index || dropAt.after !== after) setDropAt({ index, after });
  };

  const onDrop = (event: DragEvent, index: number) => {
    const key = event.dataTransfer.getData(FIELD_DRAG_TYPE);
    event.preventDefault();
    setDropAt(undefined);
    setDragging(undefined);
    if (!key) return;
    const box = event.currentTarget.getBoundingClientRect();
    const insertAt = index + (event.clientY > box.top + box.height / 2 ? 1 : 0);
    const from = fields.indexOf(key);
    if (from === -1) {
      actions.moveToStep(key, step.id);
      return;
    }
    const to = from < insertAt ? insertAt - 1 : insertAt;
    if (to !== from) actions.move(key, to);
  };

  if (fields.length === 0) return <p className="st-empty">{t.noFieldsYet}</p>;

  return (
    <ol className="st-field-list" aria-label={t.fieldsOfStep(text(step.title, locale) || t.untitledStep)}>
      {fields.map((key, index) => {
        const settings = safeRead(definition, key);
        const isSelected = key === selected;
        const name = fieldName(definition, key, locale);
        const kind = settings ? text(FIELD_KIND_INFO[settings.kind].label, locale) : '';
        const conditional = definition.uiSchema?.[key] !== undefined && typeof definition.uiSchema[key] === 'object' && definition.uiSchema[key] !== null && 'ui:showWhen' in (definition.uiSchema[key] as object);
        const marker = dropAt?.index === index ? (dropAt.after ? ' st-drop-after' : ' st-drop-before') : '';
        return (
          <li
            key={key}
            className={`st-field-row${isSelected ? ' st-field-row--selected' : ''}${withErrors.has(key) ? ' st-field-row--error' : ''}${dragging === key ? ' st-field-row--dragging' : ''}${marker}`}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.setData(FIELD_DRAG_TYPE, key);
              event.dataTransfer.setData('text/plain', name);
              event.dataTransfer.effectAllowed = 'move';
              setDragging(key);
            }}
            onDragEnd={() => {
              setDragging(undefined);
              setDropAt(undefined);
            }}
            onDragOver={(event) => onDragOver(event, index)}
            onDragLeave={() => setDropAt(undefined)}
            onDrop={(event) => onDrop(event, index)}
          >
            <span className="st-grip" aria-hidden="true" title={t.dragHint}>
              ⠿
            </span>
            <button
              type="button"
              id={rowId(key)}
              className="st-row-select"
              aria-pressed={isSelected}
              aria-keyshortcuts={isSelected ? 'Alt+ArrowUp Alt+ArrowDown Delete' : undefined}
              onClick={() => actions.select(key)}
              onKeyDown={(event) => onRowKeyDown(event, key, index)}
            >
              <span className="st-row-label">{name}</span>
              <span className="st-row-meta">
                {kind}
                {settings?.required ? ` · ${t.requiredShort}` : ''}
                {conditional ? ` · ${t.conditionalShort}` : ''}
              </span>
              {withErrors.has(key) ? <span className="st-row-error">{t.hasErrors}</span> : null}
            </button>
            {isSelected ? (
              <div className="st-row-actions" role="group" aria-label={t.actionsFor(name)}>
                <button type="button" className="st-action" aria-disabled={index === 0 || undefined} onClick={() => index > 0 && actions.move(key, index - 1)}>
                  {t.moveUp}
                </button>
                <button type="button" className="st-action" aria-disabled={index === fields.length - 1 || undefined} onClick={() => index < fields.length - 1 && actions.move(key, index + 1)}>
                  {t.moveDown}
                </button>
                <button type="button" className="st-action" onClick={() => actions.duplicate(key)}>
                  {t.duplicate}
                </button>
                <button type="button" className="st-action st-action--danger" onClick={() => actions.remove(key)}>
                  {t.remove}
                </button>
                {steps.length > 1 ? <MoveToStep fieldKey={key} step={step} steps={steps} locale={locale} onMove={(to) => actions.moveToStep(key, to)} /> : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** "Flytta till steg": a step to choose, then a button (choosing alone changes nothing, so arrow keys are safe). */
function MoveToStep({ fieldKey, step, steps, locale, onMove }: { fieldKey: string; step: Step; steps: Step[]; locale: string; onMove: (stepId: string) => void }) {
  const t = staffText(locale);
  const others = steps.filter((other) => other.id !== step.id);
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const shown = others.some((other) => other.id === target) ? target : (others[0]?.id ?? '');
  return (
    <span className="st-move-step">
      <label htmlFor={`st-move-${fieldKey}`}>{t.moveToStep}</label>
      <select id={`st-move-${fieldKey}`} className="st-select-small" value={shown} onChange={(event) => setTarget(event.target.value)}>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {`${steps.indexOf(other) + 1}. ${text(other.title, locale) || t.untitledStep}`}
          </option>
        ))}
      </select>
      <button type="button" className="st-action" onClick={() => shown && onMove(shown)}>
        {t.move}
      </button>
    </span>
  );
}

function safeRead(definition: ServiceDefinition, key: string) {
  try {
    return readField(definition, key);
  } catch {
    return undefined;
  }
}
