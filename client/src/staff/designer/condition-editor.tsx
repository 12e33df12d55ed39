import { useId } from 'react';
import { readField, text } from '@samform/model';
import type { Condition, FieldSettings, JsonValue, ServiceDefinition } from '@samform/model';
import { staffText } from '../staff-text.ts';
import { fieldName } from './field-list.tsx';

type Operator = 'equals' | 'in' | 'checked';

/** A field a condition can test: an earlier yes/no, single choice or consent. */
interface Source {
  key: string;
  settings: FieldSettings;
}

const SOURCE_KINDS = new Set(['yes-no', 'single-choice', 'consent']);

/** The fields before `before` (in step order) that a condition can test. */
export function conditionSources(definition: ServiceDefinition, before: { field: string } | { step: string }): Source[] {
  const ordered: string[] = [];
  for (const step of definition.steps ?? []) {
    if ('step' in before && step.id === before.step) break;
    for (const key of step.fields) {
      if ('field' in before && key === before.field) return sources(definition, ordered);
      ordered.push(key);
    }
  }
  return sources(definition, ordered);
}

function sources(definition: ServiceDefinition, keys: string[]): Source[] {
  return keys.flatMap((key) => {
    try {
      const settings = readField(definition, key);
      return SOURCE_KINDS.has(settings.kind) ? [{ key, settings }] : [];
    } catch {
      return [];
    }
  });
}

const operatorsOf = (source: Source | undefined): Operator[] =>
  source?.settings.kind === 'consent' ? ['checked'] : source?.settings.kind === 'single-choice' ? ['equals', 'in'] : ['equals'];

function defaultCondition(source: Source): Condition {
  if (source.settings.kind === 'consent') return { field: source.key, equals: true };
  const first = source.settings.options?.[0]?.value ?? true;
  return { field: source.key, equals: first };
}

/**
 * "Visa bara när …": another, earlier answer is (one of) the chosen option(s) or is ticked.
 * Written with `setShowWhen`, which also makes the server require the field only when shown.
 */
export function ConditionEditor({ definition, target, locale, onChange }: { definition: ServiceDefinition; target: { field: string } | { step: string }; locale: string; onChange: (condition: Condition | null) => void }) {
  const t = staffText(locale);
  const base = useId();
  const current: Condition | undefined =
    'field' in target
      ? ((definition.uiSchema?.[target.field] as { 'ui:showWhen'?: Condition } | undefined)?.['ui:showWhen'] ?? undefined)
      : definition.steps?.find((step) => step.id === target.step)?.showWhen;
  const candidates = conditionSources(definition, target);
  const legend = 'field' in target ? t.showWhenField : t.showWhenStep;

  if (current !== undefined && !('field' in current && ('equals' in current || 'in' in current))) {
    return (
      <fieldset className="sf-fieldset st-setting st-condition">
        <legend className="st-label">{legend}</legend>
        <p>{t.conditionHandWritten}</p>
        <button type="button" className="st-action st-action--danger" onClick={() => onChange(null)}>
          {t.conditionRemove}
        </button>
      </fieldset>
    );
  }

  const source = current ? candidates.find((c) => c.key === current.field) : undefined;
  const operator: Operator | undefined = current === undefined ? undefined : source?.settings.kind === 'consent' ? 'checked' : 'in' in current ? 'in' : 'equals';
  const chosen: JsonValue[] = current === undefined ? [] : 'in' in current ? current.in : 'equals' in current ? [current.equals] : [];
  const options = source?.settings.options ?? [];
  const encode = (value: JsonValue) => JSON.stringify(value);

  return (
    <fieldset className="sf-fieldset st-setting st-condition">
      <legend className="st-label">{legend}</legend>
      {candidates.length === 0 ? (
        <p className="sf-hint">{t.conditionNoSources}</p>
      ) : (
        <>
          <div className="sf-choice">
            <input
              id={`${base}-on`}
              type="checkbox"
              className="sf-choice-input"
              checked={current !== undefined}
              onChange={(event) => {
                const first = candidates[0];
                onChange(event.target.checked && first ? defaultCondition(first) : null);
              }}
            />
            <label className="sf-choice-label" htmlFor={`${base}-on`}>
              {'field' in target ? t.conditionOnField : t.conditionOnStep}
            </label>
          </div>
          {current !== undefined ? (
            <div className="st-condition-parts">
              <div className="st-setting">
                <label className="st-label" htmlFor={`${base}-field`}>
                  {t.conditionQuestion}
                </label>
                <select
                  id={`${base}-field`}
                  className="sf-select"
                  value={source?.key ?? ''}
                  onChange={(event) => {
                    const next = candidates.find((c) => c.key === event.target.value);
                    if (next) onChange(defaultCondition(next));
                  }}
                >
                  {source ? null : <option value="">{t.conditionMissingSource}</option>}
                  {candidates.map((c) => (
                    <option key={c.key} value={c.key}>
                      {fieldName(definition, c.key, locale)}
                    </option>
                  ))}
                </select>
              </div>
              {source ? (
                <div className="st-setting">
                  <label className="st-label" htmlFor={`${base}-op`}>
                    {t.conditionOperator}
                  </label>
                  <select
                    id={`${base}-op`}
                    className="sf-select"
                    value={operator}
                    onChange={(event) => {
                      const op = event.target.value as Operator;
                      const first = chosen[0] ?? options[0]?.value ?? true;
                      onChange(op === 'in' ? { field: source.key, in: chosen.length > 0 ? chosen : [first] } : op === 'checked' ? { field: source.key, equals: true } : { field: source.key, equals: first });
                    }}
                  >
                    {operatorsOf(source).map((op) => (
                      <option key={op} value={op}>
                        {t.operators[op]}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {source && operator === 'equals' ? (
                <div className="st-setting">
                  <label className="st-label" htmlFor={`${base}-value`}>
                    {t.conditionValue}
                  </label>
                  <select
                    id={`${base}-value`}
                    className="sf-select"
                    value={encode(chosen[0] ?? null)}
                    onChange={(event) => onChange({ field: source.key, equals: JSON.parse(event.target.value) as JsonValue })}
                  >
                    {options.map((option) => (
                      <option key={encode(option.value)} value={encode(option.value)}>
                        {text(option.label, locale) || String(option.value)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {source && operator === 'in' ? (
                <fieldset className="sf-fieldset st-setting">
                  <legend className="st-label">{t.conditionValues}</legend>
                  <div className="sf-choices">
                    {options.map((option) => {
                      const on = chosen.some((value) => encode(value) === encode(option.value));
                      return (
                        <label key={encode(option.value)} className="sf-choice">
                          <input
                            type="checkbox"
                            className="sf-choice-input"
                            checked={on}
                            onChange={() => onChange({ field: source.key, in: on ? chosen.filter((value) => encode(value) !== encode(option.value)) : [...chosen, option.value] })}
                          />
                          <span className="sf-choice-label">{text(option.label, locale) || String(option.value)}</span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              ) : null}
              <p className="st-condition-summary">{summary(t, definition, source, operator, chosen, locale)}</p>
            </div>
          ) : null}
        </>
      )}
    </fieldset>
  );
}

function summary(t: ReturnType<typeof staffText>, definition: ServiceDefinition, source: Source | undefined, operator: Operator | undefined, chosen: JsonValue[], locale: string): string {
  if (!source || !operator) return '';
  const name = fieldName(definition, source.key, locale);
  const labels = chosen.map((value) => text(source.settings.options?.find((o) => JSON.stringify(o.value) === JSON.stringify(value))?.label, locale) || String(value));
  return t.conditionSummary(name, operator, labels);
}
