import { useId } from 'react';
import type { PatternSpec } from '@samform/model';
import { staffText } from '../staff-text.ts';
import { NumberSetting } from './setting-inputs.tsx';

type Choice = 'any' | 'digits' | 'letters-digits' | 'custom';

/** "Vad får skrivas?": anything, only digits (N–M), letters and digits (N–M), or, under Avancerat, an own regex. */
export function PatternEditor({ pattern, onChange, locale }: { pattern: PatternSpec | undefined; onChange: (next: PatternSpec | undefined, group?: string) => void; locale: string }) {
  const t = staffText(locale);
  const name = useId();
  const choice: Choice = pattern?.kind ?? 'any';
  const choose = (next: Choice) => {
    if (next === 'any') return onChange(undefined);
    if (next === 'custom') return onChange({ kind: 'custom', regex: pattern && pattern.kind === 'custom' ? pattern.regex : '' });
    const min = pattern && pattern.kind !== 'custom' ? pattern.min : 1;
    const max = pattern && pattern.kind !== 'custom' ? pattern.max : 10;
    onChange({ kind: next, min, max });
  };
  const radio = (value: Choice, label: string) => (
    <label className="sf-choice">
      <input type="radio" className="sf-choice-input" name={name} checked={choice === value} onChange={() => choose(value)} />
      <span className="sf-choice-label">{label}</span>
    </label>
  );
  return (
    <fieldset className="sf-fieldset st-setting">
      <legend className="st-label">{t.patternLegend}</legend>
      <div className="sf-choices">
        {radio('any', t.patternAny)}
        {radio('digits', t.patternDigits)}
        {radio('letters-digits', t.patternLettersDigits)}
      </div>
      {pattern && pattern.kind !== 'custom' ? (
        <div className="st-pair">
          <NumberSetting label={t.patternMin} value={pattern.min} min={0} onChange={(min) => onChange({ ...pattern, min: min ?? 0 }, 'pattern-min')} />
          <NumberSetting label={t.patternMax} value={pattern.max} min={1} onChange={(max) => onChange({ ...pattern, max: max ?? pattern.min }, 'pattern-max')} />
        </div>
      ) : null}
      <details className="st-advanced" open={choice === 'custom' || undefined}>
        <summary>{t.advanced}</summary>
        {radio('custom', t.patternCustom)}
        {pattern?.kind === 'custom' ? (
          <div className="st-setting">
            <label className="st-label" htmlFor={`${name}-regex`}>
              {t.patternRegex}
            </label>
            <p className="sf-hint" id={`${name}-regex-hint`}>
              {t.patternRegexHint}
            </p>
            <input
              className="sf-input st-mono"
              id={`${name}-regex`}
              aria-describedby={`${name}-regex-hint`}
              spellCheck={false}
              value={pattern.regex}
              onChange={(event) => onChange({ kind: 'custom', regex: event.target.value }, 'pattern-regex')}
            />
          </div>
        ) : null}
      </details>
    </fieldset>
  );
}
