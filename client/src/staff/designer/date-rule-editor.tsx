import type { DateRuleSettings } from '@samform/model';
import { staffText } from '../staff-text.ts';
import { NumberSetting, RadioSetting } from './setting-inputs.tsx';

type Rule = 'none' | 'not-past' | 'days' | 'workdays';

function ruleOf(rule: DateRuleSettings | undefined): Rule {
  if (rule?.minWorkdaysAhead !== undefined) return 'workdays';
  if (rule?.minDaysAhead === undefined) return 'none';
  return rule.minDaysAhead === 0 ? 'not-past' : 'days';
}

/** A date's rule in words: none, "not in the past", "at least N days ahead", "at least N workdays ahead"; and a latest day. */
export function DateRuleEditor({ rule, onChange, locale }: { rule: DateRuleSettings | undefined; onChange: (next: DateRuleSettings | undefined, group?: string) => void; locale: string }) {
  const t = staffText(locale);
  const current = ruleOf(rule);
  const max = rule?.maxDaysAhead;
  const withMax = (next: DateRuleSettings): DateRuleSettings | undefined => {
    const merged = max === undefined ? next : { ...next, maxDaysAhead: max };
    return Object.keys(merged).length === 0 ? undefined : merged;
  };
  const choose = (next: Rule) => {
    if (next === 'none') onChange(withMax({}));
    else if (next === 'not-past') onChange(withMax({ minDaysAhead: 0 }));
    else if (next === 'days') onChange(withMax({ minDaysAhead: rule?.minDaysAhead || 7 }));
    else onChange(withMax({ minWorkdaysAhead: rule?.minWorkdaysAhead ?? 5 }));
  };
  return (
    <>
      <RadioSetting<Rule>
        legend={t.dateRuleLegend}
        value={current}
        onChange={choose}
        options={[
          { value: 'none', label: t.dateRuleNone },
          { value: 'not-past', label: t.dateRuleNotPast },
          { value: 'days', label: t.dateRuleDays },
          { value: 'workdays', label: t.dateRuleWorkdays },
        ]}
      />
      {current === 'days' ? (
        <NumberSetting label={t.dateRuleDaysCount} hint={t.dateRuleWeeksHint} value={rule?.minDaysAhead} min={1} onChange={(n) => onChange(withMax({ minDaysAhead: n ?? 1 }), 'date-min')} />
      ) : null}
      {current === 'workdays' ? (
        <NumberSetting label={t.dateRuleWorkdaysCount} value={rule?.minWorkdaysAhead} min={1} onChange={(n) => onChange(withMax({ minWorkdaysAhead: n ?? 1 }), 'date-min')} />
      ) : null}
      <NumberSetting
        label={t.dateRuleMax}
        hint={t.dateRuleMaxHint}
        value={max}
        min={0}
        onChange={(n) => {
          const { maxDaysAhead: _dropped, ...rest } = rule ?? {};
          const next = n === undefined ? rest : { ...rest, maxDaysAhead: n };
          onChange(Object.keys(next).length === 0 ? undefined : next, 'date-max');
        }}
      />
    </>
  );
}
