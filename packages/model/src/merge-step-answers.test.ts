import { expect, test } from 'vitest';
import { mergeStepAnswers } from './merge-step-answers.ts';

test('the step replaces its own fields, removes the ones it left blank, and keeps the rest', () => {
  const draft = { title: 'Ny lekplats', beneficiaries: ['citizens', 'staff'], area: 'care', contact: { name: 'Anna' } };
  const merged = mergeStepAnswers(draft, ['beneficiaries', 'area', 'submitterKind'], { area: 'culture-leisure', submitterKind: 'citizen' });
  expect(merged).toEqual({ title: 'Ny lekplats', area: 'culture-leisure', submitterKind: 'citizen', contact: { name: 'Anna' } });
  expect(draft).toEqual({ title: 'Ny lekplats', beneficiaries: ['citizens', 'staff'], area: 'care', contact: { name: 'Anna' } });
});

test('answers of fields outside the step are not taken', () => {
  expect(mergeStepAnswers({ a: 1 }, ['b'], { a: 2, b: 3, c: 4 })).toEqual({ a: 1, b: 3 });
});

test('a field named __proto__ does not reach the prototype', () => {
  const merged = mergeStepAnswers({}, ['__proto__'], JSON.parse('{"__proto__":{"polluted":true}}'));
  expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  expect(merged).toEqual({});
});
