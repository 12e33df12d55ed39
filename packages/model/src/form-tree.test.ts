import { expect, test } from 'vitest';
import { formTreeOf, type FormNode } from './form-tree.ts';

function names(node: FormNode, prefix = ''): string[] {
  return [...node.children].flatMap(([key, child]) => {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    return [...child.values.map((v) => `${name}=${v}`), ...names(child, name)];
  });
}

test('only names under the fields are read; server keys, files, empty segments and prototype keys are skipped', () => {
  const entries: [string, unknown][] = [
    ['_csrf', 'abc'],
    ['contact.email', 'a@b.se'],
    ['contact..email', 'x'],
    ['contact.', 'x'],
    ['contact.__proto__.x', 'x'],
    ['contact.constructor', 'x'],
    ['buyers.0.prototype', 'x'],
    ['buyers.0.name', 'Anna'],
    ['photo', new Blob(['x'])],
    ['title', 'not this step'],
    ['beneficiaries', 'citizens'],
    ['beneficiaries', 'staff'],
  ];
  const { root, problems } = formTreeOf(entries, ['contact', 'buyers', 'beneficiaries', 'photo']);
  expect(names(root)).toEqual(['contact.email=a@b.se', 'buyers.0.name=Anna', 'beneficiaries=citizens', 'beneficiaries=staff']);
  expect(problems).toEqual([]);
});

test('a parsed body spreads its arrays into repeated entries and skips nested objects', () => {
  const { root } = formTreeOf({ beneficiaries: ['citizens', 'staff'], area: 'care', contact: { email: 'a@b.se' } }, ['beneficiaries', 'area', 'contact']);
  expect(names(root)).toEqual(['beneficiaries=citizens', 'beneficiaries=staff', 'area=care']);
});
