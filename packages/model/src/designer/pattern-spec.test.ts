import { describe, expect, test } from 'vitest';
import { patternSpecOf, patternToRegex, type PatternSpec } from './pattern-spec.ts';

describe('patternToRegex and patternSpecOf', () => {
  test.each<[PatternSpec, string]>([
    [{ kind: 'digits', min: 4, max: 10 }, '^[0-9]{4,10}$'],
    [{ kind: 'digits', min: 5, max: 5 }, '^[0-9]{5}$'],
    [{ kind: 'letters-digits', min: 2, max: 8 }, '^[A-Za-z0-9]{2,8}$'],
    [{ kind: 'custom', regex: '^[A-Z]{3}[0-9]{3}$' }, '^[A-Z]{3}[0-9]{3}$'],
  ])('%j <-> %s', (spec, regex) => {
    expect(patternToRegex(spec)).toBe(regex);
    expect(patternSpecOf(regex)).toEqual(spec);
  });

  test('a regex the builder does not write is custom', () => {
    expect(patternSpecOf('^[0-9]{04,10}$')).toEqual({ kind: 'custom', regex: '^[0-9]{04,10}$' });
  });
});
