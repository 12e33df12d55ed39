import { describe, expect, it } from 'vitest';
import { literalInt, literalString } from './literal.ts';

describe('MongoDB filter literals', () => {
  it.each([{ $ne: null }, { $gt: '' }, { $regex: '.*' }, { $where: '1' }, ['a'], null, undefined, 1, true])('when %j is given where a string belongs, then it is refused', (value) => {
    expect(() => literalString(value)).toThrow(TypeError);
  });

  it.each([{ $gt: 0 }, '1', 1.5, Number.NaN, 2 ** 60, null])('when %j is given where an integer belongs, then it is refused', (value) => {
    expect(() => literalInt(value)).toThrow(TypeError);
  });

  it('when plain values are given, then they pass unchanged, "$ne" included (filters wrap them in $eq)', () => {
    expect(literalString('ostersund')).toBe('ostersund');
    expect(literalString('$ne')).toBe('$ne');
    expect(literalInt(3)).toBe(3);
  });
});
