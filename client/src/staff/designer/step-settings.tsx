import { moveStep, renameStep, setShowWhen, text } from '@samform/model';
import type { ServiceDefinition, Step } from '@samform/model';
import { staffText } from '../staff-text.ts';
import { ConditionEditor } from './condition-editor.tsx';
import type { Edit } from './designer-page.tsx';
import { LocalTextInputs } from './setting-inputs.tsx';

/** The selected step's title, place, condition and removal. */
export function StepSettings({ definition, step, locale, edit, onRemove, onMoved }: { definition: ServiceDefinition; step: Step; locale: string; edit: Edit; onRemove: () => void; onMoved: (index: number) => void }) {
  const t = staffText(locale);
  const steps = definition.steps ?? [];
  const index = steps.findIndex((s) => s.id === step.id);
  const move = (to: number) => {
    if (to < 0 || to >= steps.length) return;
    if (edit((current) => moveStep(current, step.id, to))) onMoved(to);
  };
  return (
    <details className="st-step-settings">
      <summary>{t.stepSettings(text(step.title, locale) || t.untitledStep)}</summary>
      <LocalTextInputs label={t.stepTitle} value={step.title} idBase={`st-step-title-${step.id}`} locale={locale} onChange={(title) => edit((current) => renameStep(current, step.id, title), `step-title-${step.id}`)} />
      <div className="st-button-row">
        <button type="button" className="st-action" aria-disabled={index === 0 || undefined} onClick={() => move(index - 1)}>
          {t.stepUp}
        </button>
        <button type="button" className="st-action" aria-disabled={index === steps.length - 1 || undefined} onClick={() => move(index + 1)}>
          {t.stepDown}
        </button>
        <button type="button" className="st-action st-action--danger" aria-disabled={steps.length <= 1 || undefined} onClick={() => steps.length > 1 && onRemove()}>
          {t.stepRemove}
        </button>
      </div>
      <ConditionEditor definition={definition} target={{ step: step.id }} locale={locale} onChange={(condition) => edit((current) => setShowWhen(current, { step: step.id }, condition))} />
    </details>
  );
}
