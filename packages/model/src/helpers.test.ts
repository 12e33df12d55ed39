import { expect, test } from 'vitest';
import { fieldEntries, fieldPathOf, schemaAt } from './field-path.ts';
import { slugify } from './slugify.ts';
import { isLocale, text } from './text.ts';

test.each([
  ['Östersund', 'ostersund'],
  ['Region Jämtland Härjedalen', 'region-jamtland-harjedalen'],
  ['eSamverkan Västernorrland', 'esamverkan-vasternorrland'],
  ['Ånge', 'ange'],
  ['Åre', 'are'],
  ['Örnsköldsvik', 'ornskoldsvik'],
  ['  Bräcke  kommun! ', 'bracke-kommun'],
  ['Sámi Ædnan', 'sami-aednan'],
])('slugify(%s) is %s', (name, slug) => {
  expect(slugify(name)).toBe(slug);
});

test('text falls back to Swedish', () => {
  expect(text({ sv: 'Namn', en: 'Name' }, 'en')).toBe('Name');
  expect(text({ sv: 'Namn' }, 'en')).toBe('Namn');
  expect(text({ sv: 'Namn', sma: 'Nomme' }, 'sma')).toBe('Nomme');
  expect(text(undefined, 'sv')).toBe('');
});

test('isLocale knows the translated locales', () => {
  expect([isLocale('sv'), isLocale('en'), isLocale('fi'), isLocale(1)]).toEqual([true, true, false, false]);
});

test('fieldPathOf drops array indexes and unescapes', () => {
  expect(fieldPathOf('/buyers/0/name')).toBe('buyers.name');
  expect(fieldPathOf('/contact/email')).toBe('contact.email');
  expect(fieldPathOf('/a~1b/c~0d')).toBe('a/b.c~d');
  expect(fieldPathOf('')).toBe('');
});

test('schemaAt and fieldEntries walk objects and array items', () => {
  const schema = {
    type: 'object',
    properties: {
      buyers: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      contact: { type: 'object', properties: { email: { type: 'string' } } },
    },
  };
  expect(schemaAt(schema, 'buyers.name')).toEqual({ type: 'string' });
  expect(schemaAt(schema, 'contact.fax')).toBeUndefined();
  expect(fieldEntries(schema).map((e) => [e.path, e.pointer])).toEqual([
    ['buyers', '/properties/buyers'],
    ['buyers.name', '/properties/buyers/items/properties/name'],
    ['contact', '/properties/contact'],
    ['contact.email', '/properties/contact/properties/email'],
  ]);
});
