import { text } from '@samform/model';
import type { ServiceDefinition, Step } from '@samform/model';
import type { DragEvent } from 'react';
import { staffText } from '../staff-text.ts';
import { FIELD_DRAG_TYPE } from './field-list.tsx';

/** The step button's id, to give it focus. */
export const stepButtonId = (id: string): string => `st-step-${id}`;

/** What the steps list can ask for. */
export interface StepActions {
  select(stepId: string): void;
  add(): void;
  /** A field dropped on a step goes last in it. */
  dropField(key: string, stepId: string): void;
}

/** The e-service's steps (pages) in order, one selected; fields can be dropped on a step. */
export function StepsPanel({ definition, current, locale, actions }: { definition: ServiceDefinition; current: Step; locale: string; actions: StepActions }) {
  const t = staffText(locale);
  const steps = definition.steps ?? [];
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(FIELD_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  return (
    <section className="st-steps" aria-labelledby="st-steps-heading">
      <h2 id="st-steps-heading">{t.stepsHeading}</h2>
      <ol className="st-step-list">
        {steps.map((step, index) => (
          <li
            key={step.id}
            onDragOver={onDragOver}
            onDrop={(event) => {
              const key = event.dataTransfer.getData(FIELD_DRAG_TYPE);
              event.preventDefault();
              if (key) actions.dropField(key, step.id);
            }}
          >
            <button type="button" id={stepButtonId(step.id)} className="st-step-button" aria-pressed={step.id === current.id} onClick={() => actions.select(step.id)}>
              <span className="st-step-number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="st-step-text">
                <span className="sf-visually-hidden">{t.stepN(index + 1)}: </span>
                <span className="st-row-label">{text(step.title, locale) || t.untitledStep}</span>
                <span className="st-row-meta">
                  {t.fieldCount(step.fields.length)}
                  {step.showWhen ? ` · ${t.conditionalShort}` : ''}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="sf-button sf-button--secondary st-small" onClick={actions.add}>
        {t.addStep}
      </button>
    </section>
  );
}
