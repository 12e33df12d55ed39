import { describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '../definition.ts';
import { ownerChange } from '../test-definition.ts';
import { addField } from './add-field.ts';
import { addStep } from './add-step.ts';
import { diffDefinitions } from './diff-definitions.ts';
import { moveField } from './move-field.ts';
import { moveStep } from './move-step.ts';
import { readField } from './read-field.ts';
import { removeField } from './remove-field.ts';
import { writeField } from './write-field.ts';

describe('diffDefinitions', () => {
  test('no changes, no entries', () => {
    expect(diffDefinitions(ownerChange, structuredClone(ownerChange))).toEqual([]);
  });

  test('a field added, relabelled, made optional, and one removed', () => {
    let after: ServiceDefinition = addField(ownerChange, 'property', 'short-text', { key: 'customerNumber' }).definition;
    after = writeField(after, 'customerNumber', { ...readField(after, 'customerNumber'), label: { sv: 'Kundnummer', en: 'Customer number' } });
    after = writeField(after, 'property', { ...readField(after, 'property'), label: { sv: 'Fastighet', en: 'Property' }, required: false });
    after = removeField(after, 'period');
    expect(diffDefinitions(ownerChange, after)).toEqual([
      { path: '/schema/properties/property', kind: 'changed', field: 'property', summary: { sv: 'Fältet ”Fastighet”: etiketten ändrades från ”Fastighetsbeteckning” till ”Fastighet”', en: 'Field "Property": the label changed from "Property designation" to "Property"' } },
      { path: '/schema/properties/property', kind: 'changed', field: 'property', summary: { sv: 'Fältet ”Fastighet”: blev frivilligt', en: 'Field "Property": became optional' } },
      { path: '/schema/properties/customerNumber', kind: 'added', field: 'customerNumber', summary: { sv: 'Fältet ”Kundnummer” lades till', en: 'Field "Customer number" was added' } },
      { path: '/schema/properties/period', kind: 'removed', field: 'period', summary: { sv: 'Fältet ”Uppehåll” togs bort', en: 'Field "Pause" was removed' } },
    ]);
  });

  test('options, limits, steps added and moved, a field moved, title and routing', () => {
    let after = writeField(ownerChange, 'kind', {
      ...readField(ownerChange, 'kind'),
      options: [{ value: 'house', label: { sv: 'Villa', en: 'House' } }, { value: 'flat', label: { sv: 'Lägenhet', en: 'Flat' } }],
    });
    after = writeField(after, 'persons', { ...readField(after, 'persons'), maximum: 30 });
    after = addStep(after, { title: { sv: 'Sist', en: 'Last' } }).definition;
    after = moveStep(after, 'buyers', 0);
    after = moveField(after, 'consent', 'property', 0);
    after = { ...after, title: { sv: 'Ägarbyte av fastighet', en: 'Change of owner' }, routing: { ...after.routing, queue: 'avfall' } };
    expect(diffDefinitions(ownerChange, after).map((c) => c.summary.sv)).toEqual([
      'Titeln ändrades från ”Ägarbyte” till ”Ägarbyte av fastighet”',
      'Steget ”Sist” lades till',
      'Steget ”Köpare” flyttades från plats 2 till 1',
      'Steget ”Fastigheten” flyttades från plats 1 till 2',
      'Fältet ”Typ av boende”: svarsalternativet ”Lägenhet” lades till',
      'Fältet ”Typ av boende”: svarsalternativet ”Fritidshus” togs bort',
      'Fältet ”Antal personer”: största värde ändrades från 20 till 30',
      'Fältet ”Jag intygar att uppgifterna stämmer” flyttades från steget ”Köpare” till ”Fastigheten”',
      'Standardkön ändrades från va till avfall',
    ]);
  });
});
