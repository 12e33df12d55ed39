import { expect, test } from 'vitest';
import { formShapeOf } from './form-shape.ts';

test('properties under then, else, allOf, anyOf, oneOf and dependencies are merged in', () => {
  const shape = formShapeOf({
    type: 'object',
    properties: { kind: { type: 'string', enum: ['a', 'b'] }, day: { type: 'string', format: 'date' } },
    if: { properties: { kind: { const: 'a' }, onlyInIf: { type: 'integer' } } },
    then: { properties: { day: { minLength: 1 }, count: { type: 'integer' } } },
    else: { properties: { reason: { type: 'string' } } },
    allOf: [{ properties: { size: { enum: [140, 190] } } }],
    anyOf: [{ properties: { ok: { enum: [true, false] } } }],
    oneOf: [{ properties: { share: { type: ['number', 'null'] } } }],
    dependencies: { kind: { properties: { note: { type: 'string' } } }, other: ['kind'] },
  });
  const typeOf = (key: string) => shape.properties?.get(key)?.type;
  expect([...(shape.properties?.keys() ?? [])]).toEqual(['kind', 'day', 'count', 'reason', 'size', 'ok', 'share', 'note']);
  expect([typeOf('day'), typeOf('count'), typeOf('size'), typeOf('ok'), typeOf('share')]).toEqual(['string', 'integer', 'integer', 'boolean', 'number']);
  expect(shape.properties?.get('kind')?.enum).toEqual(['a', 'b']);
});

test('nested objects and array items are shaped too, const is a one-value enum', () => {
  const shape = formShapeOf({
    properties: {
      buyers: { items: { properties: { name: { type: 'string' } }, allOf: [{ properties: { share: { type: 'integer' } } }] } },
      consent: { type: 'boolean', const: true },
    },
  });
  const buyers = shape.properties?.get('buyers');
  expect(shape.type).toBe('object');
  expect(buyers?.type).toBe('array');
  expect(buyers?.items?.type).toBe('object');
  expect([...(buyers?.items?.properties?.keys() ?? [])]).toEqual(['name', 'share']);
  expect(shape.properties?.get('consent')).toEqual({ type: 'boolean', enum: [true] });
});

test('a property named __proto__, constructor or prototype is not shaped', () => {
  const shape = formShapeOf(JSON.parse('{"properties":{"__proto__":{"type":"string"},"constructor":{},"prototype":{},"ok":{}}}'));
  expect([...(shape.properties?.keys() ?? [])]).toEqual(['ok']);
});
