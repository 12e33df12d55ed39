import { expect, test } from 'vitest';
import { coerceFormValue } from './coerce-form-value.ts';

test.each([
  [{ type: 'string' }, '  Ny lekplats \r\n', 'Ny lekplats'],
  [{ type: 'string' }, 'rad ett\r\nrad två\rrad tre', 'rad ett\nrad två\nrad tre'],
  [{ type: 'string' }, '   ', undefined],
  [{ type: 'string' }, '0123', '0123'],
  [{}, ' fritt ', 'fritt'],
  [{ type: 'integer' }, '1234', 1234],
  [{ type: 'integer' }, '1 234', 1234],
  [{ type: 'integer' }, '1\u00a0234\u202f567', 1234567],
  [{ type: 'integer' }, '\u22125', -5],
  [{ type: 'number' }, '12,5', 12.5],
  [{ type: 'number' }, '12.5', 12.5],
  [{ type: 'integer' }, '12,5', 12.5],
  [{ type: 'integer' }, '12,5x', '12,5x'],
  [{ type: 'integer' }, '1e3', '1e3'],
  [{ type: 'boolean' }, 'true', true],
  [{ type: 'boolean' }, 'on', true],
  [{ type: 'boolean' }, 'false', false],
  [{ type: 'boolean' }, 'kanske', 'kanske'],
  [{ type: 'integer', enum: [140, 190, 370, 660] }, '190', 190],
  [{ type: 'integer', enum: [140, 190, 370, 660] }, '150', 150],
  [{ type: 'boolean', enum: [true, false] }, 'false', false],
  [{ type: 'string', enum: ['140', '190'] }, '140', '140'],
  [{ type: 'string', enum: ['set-day'] }, ' set-day ', 'set-day'],
] as const)('coerceFormValue(%j, %j) is %j', (shape, raw, value) => {
  expect(coerceFormValue(shape, raw)).toEqual(value);
});
