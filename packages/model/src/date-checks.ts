import { addWorkdays, dayNumber, isoDate, stockholmDay } from './calendar-day.ts';

/** The schema of the `dateRule` keyword: bounds counted from today in Europe/Stockholm. */
export interface DateRule {
  minDaysAhead?: number;
  maxDaysAhead?: number;
  /** Monday to Friday only; public holidays are not known and count as workdays. */
  minWorkdaysAhead?: number;
}

/** The schema of the `dateRange` keyword: two date properties of one object. */
export interface DateRange {
  from: string;
  to: string;
  minDays?: number;
  maxDays?: number;
}

/** The ajv error params of a failed `dateRule`; `earliest`/`latest` is the allowed bound. */
export type DateRuleParams =
  | { rule: 'minDaysAhead' | 'minWorkdaysAhead'; limit: number; earliest: string; today: string }
  | { rule: 'maxDaysAhead'; limit: number; latest: string; today: string };

/** The ajv error params of a failed `dateRange`; `from`/`to` are the property names. */
export type DateRangeParams =
  | { reason: 'order'; from: string; to: string }
  | { reason: 'minDays' | 'maxDays'; from: string; to: string; limit: number; days: number };

/** "Now" of one validation: `this.now` of the ajv call when it is a Date (tests), else the clock. */
export function nowOf(context: unknown): Date {
  const now = typeof context === 'object' && context !== null ? (context as { now?: unknown }).now : undefined;
  return now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
}

/** Null when `value` keeps `rule` (or is no date at all: `format` reports that), else why not. */
export function dateRuleCheck(value: unknown, rule: DateRule, context: unknown): DateRuleParams | null {
  const day = dayNumber(value);
  if (day === null) return null;
  const today = stockholmDay(nowOf(context));
  let earliest: { rule: 'minDaysAhead' | 'minWorkdaysAhead'; limit: number; day: number } | undefined;
  if (rule.minDaysAhead !== undefined) {
    earliest = { rule: 'minDaysAhead', limit: rule.minDaysAhead, day: today + rule.minDaysAhead };
  }
  if (rule.minWorkdaysAhead !== undefined) {
    const workday = addWorkdays(today, rule.minWorkdaysAhead);
    if (earliest === undefined || workday > earliest.day) {
      earliest = { rule: 'minWorkdaysAhead', limit: rule.minWorkdaysAhead, day: workday };
    }
  }
  if (earliest !== undefined && day < earliest.day) {
    return { rule: earliest.rule, limit: earliest.limit, earliest: isoDate(earliest.day), today: isoDate(today) };
  }
  if (rule.maxDaysAhead !== undefined && day > today + rule.maxDaysAhead) {
    return { rule: 'maxDaysAhead', limit: rule.maxDaysAhead, latest: isoDate(today + rule.maxDaysAhead), today: isoDate(today) };
  }
  return null;
}

/** Null when the period of `data` keeps `range` (or either end is missing or no date), else why not. */
export function dateRangeCheck(data: unknown, range: DateRange): DateRangeParams | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  const from = dayNumber(record[range.from]);
  const to = dayNumber(record[range.to]);
  if (from === null || to === null) return null;
  const names = { from: range.from, to: range.to };
  if (to < from) return { reason: 'order', ...names };
  const days = to - from;
  if (range.minDays !== undefined && days < range.minDays) return { reason: 'minDays', ...names, limit: range.minDays, days };
  if (range.maxDays !== undefined && days > range.maxDays) return { reason: 'maxDays', ...names, limit: range.maxDays, days };
  return null;
}
