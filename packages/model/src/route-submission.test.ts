import { describe, expect, test } from 'vitest';
import { evaluateCondition, routeSubmission } from './route-submission.ts';
import { ownerChange } from './test-definition.ts';

describe('evaluateCondition', () => {
  const data = { kind: 'holiday', bins: ['140'], contact: { phone: '070-123 45 67', email: '' }, tags: [], persons: 0 };

  test('equals compares deeply and follows dotted paths', () => {
    expect(evaluateCondition({ field: 'kind', equals: 'holiday' }, data)).toBe(true);
    expect(evaluateCondition({ field: 'bins', equals: ['140'] }, data)).toBe(true);
    expect(evaluateCondition({ field: 'bins', equals: ['190'] }, data)).toBe(false);
    expect(evaluateCondition({ field: 'contact', equals: { email: '', phone: '070-123 45 67' } }, data)).toBe(true);
    expect(evaluateCondition({ field: 'contact.phone', equals: '070-123 45 67' }, data)).toBe(true);
    expect(evaluateCondition({ field: 'persons', equals: 0 }, data)).toBe(true);
    expect(evaluateCondition({ field: 'missing.deep', equals: null }, data)).toBe(false);
  });

  test('in matches any of the values', () => {
    expect(evaluateCondition({ field: 'kind', in: ['house', 'holiday'] }, data)).toBe(true);
    expect(evaluateCondition({ field: 'kind', in: ['house'] }, data)).toBe(false);
    expect(evaluateCondition({ field: 'bins', in: [['190'], ['140']] }, data)).toBe(true);
  });

  test('isSet treats missing, null, empty strings and empty arrays as not set', () => {
    expect(evaluateCondition({ field: 'contact.phone', isSet: true }, data)).toBe(true);
    expect(evaluateCondition({ field: 'contact.email', isSet: false }, data)).toBe(true);
    expect(evaluateCondition({ field: 'tags', isSet: false }, data)).toBe(true);
    expect(evaluateCondition({ field: 'nothing', isSet: false }, data)).toBe(true);
    expect(evaluateCondition({ field: 'persons', isSet: true }, data)).toBe(true);
  });

  test('all and any combine', () => {
    const phone = { field: 'contact.phone', isSet: true };
    const house = { field: 'kind', equals: 'house' };
    expect(evaluateCondition({ all: [phone, house] }, data)).toBe(false);
    expect(evaluateCondition({ any: [phone, house] }, data)).toBe(true);
    expect(evaluateCondition({ all: [] }, data)).toBe(true);
    expect(evaluateCondition({ any: [] }, data)).toBe(false);
  });
});

test('routeSubmission takes the first matching rule, else the default queue', () => {
  expect(routeSubmission(ownerChange, { kind: 'holiday', contact: { phone: '070-1234567' }, bins: ['140'] })).toBe('fritid');
  expect(routeSubmission(ownerChange, { kind: 'holiday', contact: {}, bins: ['140'] })).toBe('avfall');
  expect(routeSubmission(ownerChange, { kind: 'house', bins: ['140', '190'] })).toBe('va');
  expect(routeSubmission({ ...ownerChange, routing: { queue: 'va' } }, {})).toBe('va');
});
