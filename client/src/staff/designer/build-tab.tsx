import { useEffect, useState } from 'react';
import { addField, addStep, duplicateField, FIELD_KIND_INFO, moveField, removeField, removeStep, text } from '@samform/model';
import type { FieldKind, PublishProblem, ServiceDefinition } from '@samform/model';
import { useAnnounce } from '../staff-parts.tsx';
import { staffText } from '../staff-text.ts';
import type { Edit, Selection } from './designer-page.tsx';
import { FieldList, fieldName, rowId } from './field-list.tsx';
import type { FieldListActions } from './field-list.tsx';
import { FieldPalette } from './field-palette.tsx';
import { FieldProperties, LABEL_INPUT_ID } from './field-properties.tsx';
import { StepSettings } from './step-settings.tsx';
import { stepButtonId, StepsPanel } from './steps-panel.tsx';

/** Props of {@link BuildTab}. */
export interface BuildTabProps {
  definition: ServiceDefinition;
  edit: Edit;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  locale: string;
  onUndo: () => void;
  /** The publish checks' problems of the saved draft: fields with errors are marked. */
  problems?: PublishProblem[] | undefined;
}

/** The build view: steps, the palette, the step's fields, and the selected field's properties. */
export function BuildTab({ definition, edit, selection, onSelect, locale, onUndo, problems }: BuildTabProps) {
  const t = staffText(locale);
  const announce = useAnnounce();
  const [focus, setFocus] = useState<{ id: string; n: number } | undefined>();
  const [removed, setRemoved] = useState<string | undefined>();
  const steps = definition.steps ?? [];
  const step = steps.find((s) => s.id === selection.step) ?? steps[0];
  const withErrors = new Set((problems ?? []).flatMap((p) => (p.severity === 'error' && p.field !== undefined ? [p.field.split('.')[0] ?? p.field] : [])));
  const selected = selection.field !== undefined && step?.fields.includes(selection.field.split('.')[0] ?? '') ? selection.field : undefined;

  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);
  const focusOn = (id: string) => setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }));

  if (!step) return null;
  const stepName = text(step.title, locale) || t.untitledStep;

  const add = (kind: FieldKind) => {
    const at = selected !== undefined ? step.fields.indexOf(selected) + 1 : step.fields.length;
    let key = '';
    const done = edit((current) => {
      const result = addField(current, step.id, kind, { index: at });
      key = result.key;
      return result.definition;
    });
    if (!done) return;
    onSelect({ step: step.id, field: key });
    setRemoved(undefined);
    announce(t.added(text(FIELD_KIND_INFO[kind].label, locale), stepName));
    focusOn(`${LABEL_INPUT_ID}-sv`);
  };

  const actions: FieldListActions = {
    select: (key) => onSelect({ step: step.id, field: key }),
    move: (key, to) => {
      if (!edit((current) => moveField(current, key, step.id, to))) return;
      onSelect({ step: step.id, field: key });
      announce(t.moved(fieldName(definition, key, locale), to + 1, step.fields.length));
      focusOn(rowId(key));
    },
    moveToStep: (key, stepId) => {
      const target = steps.find((s) => s.id === stepId);
      if (!target || !edit((current) => moveField(current, key, stepId, target.fields.filter((k) => k !== key).length))) return;
      onSelect({ step: stepId, field: key });
      announce(t.movedToStep(fieldName(definition, key, locale), text(target.title, locale) || t.untitledStep));
      focusOn(rowId(key));
    },
    duplicate: (key) => {
      let copy = '';
      const done = edit((current) => {
        const result = duplicateField(current, key);
        copy = result.key;
        return result.definition;
      });
      if (!done) return;
      onSelect({ step: step.id, field: copy });
      announce(t.duplicated(fieldName(definition, key, locale)));
      focusOn(rowId(copy));
    },
    remove: (key) => {
      const index = step.fields.indexOf(key);
      const name = fieldName(definition, key, locale);
      if (!edit((current) => removeField(current, key))) return;
      const neighbour = step.fields.filter((k) => k !== key)[Math.max(0, index - 1)];
      onSelect(neighbour === undefined ? { step: step.id } : { step: step.id, field: neighbour });
      setRemoved(t.removed(name));
      announce(t.removedUndoHint(name));
      focusOn(neighbour === undefined ? 'st-palette-heading' : rowId(neighbour));
    },
  };

  const addNewStep = () => {
    let id = '';
    const done = edit((current) => {
      const result = addStep(current);
      id = result.stepId;
      return result.definition;
    });
    if (!done) return;
    onSelect({ step: id });
    announce(t.stepAdded(steps.length + 1));
    focusOn(stepButtonId(id));
  };

  const removeThisStep = () => {
    const index = steps.findIndex((s) => s.id === step.id);
    if (!edit((current) => removeStep(current, step.id))) return;
    const neighbour = steps.filter((s) => s.id !== step.id)[Math.max(0, index - 1)];
    if (neighbour) onSelect({ step: neighbour.id });
    setRemoved(t.stepRemoved(stepName));
    announce(t.removedUndoHint(stepName));
    if (neighbour) focusOn(stepButtonId(neighbour.id));
  };

  const undo = () => {
    onUndo();
    setRemoved(undefined);
  };

  return (
    <div className="st-build">
      <div className="st-col st-col--steps">
        <StepsPanel
          definition={definition}
          current={step}
          locale={locale}
          actions={{
            select: (id) => onSelect({ step: id }),
            add: addNewStep,
            dropField: (key, stepId) => actions.moveToStep(key, stepId),
          }}
        />
        <StepSettings key={step.id} definition={definition} step={step} locale={locale} edit={edit} onRemove={removeThisStep} onMoved={() => focusOn(stepButtonId(step.id))} />
      </div>
      <section className="st-col st-col--fields" aria-labelledby="st-fields-heading">
        <h2 id="st-fields-heading">{t.fieldsHeading(stepName)}</h2>
        {removed ? (
          <div className="st-undo-bar">
            <p>{removed}</p>
            <button type="button" className="sf-button sf-button--secondary st-small" onClick={undo}>
              {t.undo}
            </button>
          </div>
        ) : null}
        <FieldList definition={definition} step={step} steps={steps} selected={selected} locale={locale} actions={actions} withErrors={withErrors} />
        <p className="sf-hint st-keys-hint">{t.keysHint}</p>
        <FieldPalette locale={locale} onAdd={add} />
      </section>
      <section className="st-col st-col--props" aria-labelledby="st-props-heading">
        <h2 id="st-props-heading">{selected ? t.propertiesOf(fieldName(definition, selected, locale)) : t.properties}</h2>
        {selected ? (
          <FieldProperties
            key={selected}
            definition={definition}
            fieldKey={selected}
            edit={edit}
            locale={locale}
            onRenamed={(key) => {
              onSelect({ step: step.id, field: key });
              announce(t.keyRenamed(key));
            }}
          />
        ) : (
          <p>{t.noFieldSelected}</p>
        )}
      </section>
    </div>
  );
}
