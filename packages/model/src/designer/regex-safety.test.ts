import { describe, expect, test } from 'vitest';
import { regexProblem } from './regex-safety.ts';

describe('regexProblem', () => {
  test.each([
    '^[0-9]{4,10}$',
    '^[A-Z]{2}[0-9]{3}$',
    '^[0-9A-Za-z]{4,12}$',
    '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    '^([0-9]{3}-){2}[0-9]{4}$',
    '^(ja|nej)$',
    '^[a-zåäö]+ [a-zåäö]+$',
    '^\\d{6}-\\d{4}$',
    '^(?:SE)?[0-9]{10}$',
  ])('accepts %s', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });

  test.each([
    ['^(a|a)*$', 'start alike'],
    ['(a+)+', 'inside a repetition'],
    ['(a*)*', 'can be empty'],
    ['(a|aa)+', 'start alike'],
    ['(.*a){20}', 'inside a repetition'],
    ['^(\\w+\\s?)*$', 'inside a repetition'],
    ['(x+x+)+y', 'inside a repetition'],
    ['^\\d+\\d+$', 'in a row'],
    ['(a)\\1', 'backreference'],
    ['(?<n>a)\\k<n>', 'backreference'],
    ['(?<=a)b', 'lookbehind'],
    ['(?<!a)b', 'lookbehind'],
    ['a{1,100000}', 'beyond 1000'],
    ['[', 'not a valid'],
    ['a)', 'not a valid'],
  ])('refuses %s', (pattern, reason) => {
    expect(regexProblem(pattern)?.en).toContain(reason);
    expect(regexProblem(pattern)?.sv).toBeTruthy();
  });
});
