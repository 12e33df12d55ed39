import { describe, expect, it } from 'vitest';
import { percentile, median } from './stats.ts';
import { formatNumber, formatTable, goalMet, ratioOf } from './table.ts';
import type { Row } from './table.ts';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order of the values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 0.5)).toBe(5);
    expect(percentile(values, 0.95)).toBe(10);
    expect(percentile(values, 0.9)).toBe(9);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 1)).toBe(10);
  });

  it('answers p99 of 1..1000 with 990 and leaves the input unsorted', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(percentile(values, 0.99)).toBe(990);
    expect(values[0]).toBe(1000);
  });

  it('answers NaN for no values and refuses a quantile outside 0..1', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('median', () => {
  it('is the middle value, the lower middle one for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });
});

const row = (over: Partial<Row>): Row => ({ measurement: 'm', samform: 10, unit: 'ms', goal: { kind: 'none' }, ...over });

describe('ratio and goals', () => {
  it('divides Samform by the baseline, and has no ratio without a usable baseline', () => {
    expect(ratioOf(row({ samform: 30, baseline: 120 }))).toBe(0.25);
    expect(ratioOf(row({}))).toBeUndefined();
    expect(ratioOf(row({ baseline: 0 }))).toBeUndefined();
    expect(ratioOf(row({ samform: Number.NaN, baseline: 3 }))).toBeUndefined();
  });

  it('meets "at least" goals at or above the bound, and "at most" goals at or below it', () => {
    expect(goalMet(row({ samform: 80, baseline: 100, goal: { kind: 'ratio-at-least', bound: 0.8 } }))).toBe(true);
    expect(goalMet(row({ samform: 79, baseline: 100, goal: { kind: 'ratio-at-least', bound: 0.8 } }))).toBe(false);
    expect(goalMet(row({ samform: 40, baseline: 100, goal: { kind: 'ratio-at-most', bound: 0.4 } }))).toBe(true);
    expect(goalMet(row({ samform: 41, baseline: 100, goal: { kind: 'ratio-at-most', bound: 0.4 } }))).toBe(false);
  });

  it('misses a ratio goal it cannot compute, and a value goal it could not measure', () => {
    expect(goalMet(row({ goal: { kind: 'ratio-at-most', bound: 0.4 } }))).toBe(false);
    expect(goalMet(row({ samform: Number.NaN, goal: { kind: 'value-below', bound: 25, unit: 'ms' } }))).toBe(false);
  });

  it('meets "below" goals strictly below the bound', () => {
    expect(goalMet(row({ samform: 24.9, goal: { kind: 'value-below', bound: 25, unit: 'ms' } }))).toBe(true);
    expect(goalMet(row({ samform: 25, goal: { kind: 'value-below', bound: 25, unit: 'ms' } }))).toBe(false);
  });

  it('reports facts as they held, and nothing for rows without a goal', () => {
    expect(goalMet(row({ goal: { kind: 'holds', description: 'x' }, holds: true }))).toBe(true);
    expect(goalMet(row({ goal: { kind: 'holds', description: 'x' }, holds: false }))).toBe(false);
    expect(goalMet(row({}))).toBeUndefined();
  });
});

describe('formatTable', () => {
  it('prints one markdown row per measurement with figure, baseline, ratio, goal and verdict', () => {
    const table = formatTable([
      { measurement: 'Submit rate', samform: 4500, baseline: 5000, unit: '/s', goal: { kind: 'ratio-at-least', bound: 0.8 }, note: 'p99 3 ms' },
      { measurement: 'Weight', samform: 180.44, baseline: 188, unit: 'KB', goal: { kind: 'ratio-at-most', bound: 0.4 } },
      { measurement: 'No eval', samform: Number.NaN, unit: '', goal: { kind: 'holds', description: 'none | ever' }, holds: true },
    ]);
    expect(table.split('\n')).toEqual([
      '| measurement | Samform | baseline | ratio | goal | met? |',
      '|---|---:|---:|---:|---|:---:|',
      '| Submit rate | 4,500 /s (p99 3 ms) | 5,000 /s | 0.90 | ratio ≥ 0.8 | yes |',
      '| Weight | 180 KB | 188 KB | 0.96 | ratio ≤ 0.4 | **no** |',
      '| No eval | yes | – | – | none \\| ever | yes |',
    ]);
  });

  it('formats small figures with three significant digits at most', () => {
    expect(formatNumber(0.1534)).toBe('0.15');
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(42.66)).toBe('42.7');
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatNumber(Number.NaN)).toBe('n/a');
  });
});
