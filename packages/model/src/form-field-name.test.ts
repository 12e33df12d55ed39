import { expect, test } from 'vitest';
import { formFieldId } from './form-field-id.ts';
import { formFieldName } from './form-field-name.ts';

test.each([
  ['/title', 'title'],
  ['/contact/email', 'contact.email'],
  ['/buyers/0/name', 'buyers.0.name'],
  ['/a~1b/c~0d', 'a/b.c~d'],
  ['contact.email', 'contact.email'],
  ['', ''],
])('formFieldName(%j) is %j', (pointer, name) => {
  expect(formFieldName(pointer)).toBe(name);
});

test('formFieldName joins the path rjsf hands a nameGenerator', () => {
  expect(formFieldName(['buyers', 1, 'pnr'])).toBe('buyers.1.pnr');
});

test.each([
  ['title', 'f-title'],
  ['contact.email', 'f-contact-email'],
  ['buyers.0.name', 'f-buyers-0-name'],
  ['', 'f'],
  ['odd key', 'f-odd_key'],
])('formFieldId(%j) is %j', (name, id) => {
  expect(formFieldId(name)).toBe(id);
});

test('the id of a pointer is the id rjsf gives with idPrefix "f" and idSeparator "-"', () => {
  const rjsfId = ['f', 'buyers', 0, 'name'].join('-');
  expect(formFieldId(formFieldName('/buyers/0/name'))).toBe(rjsfId);
});
