import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '../definition.ts';
import { fieldEntries } from '../field-path.ts';
import { ownerChange } from '../test-definition.ts';
import { readField } from './read-field.ts';
import { writeField } from './write-field.ts';

const FORMS = new URL('../../../../forms/', import.meta.url);

/** Every e-service file of forms/<tenant>/<service>.json. */
function formFiles(): [string, ServiceDefinition][] {
  return readdirSync(FORMS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'node_modules' && d.name !== 'src')
    .flatMap((d) =>
      readdirSync(new URL(`${d.name}/`, FORMS))
        .filter((f) => f.endsWith('.json'))
        .map((f): [string, ServiceDefinition] => [`${d.name}/${f}`, JSON.parse(readFileSync(new URL(`${d.name}/${f}`, FORMS), 'utf8'))]),
    );
}

const files = formFiles();

describe('readField on the hand-written forms', () => {
  test('finds the forms', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  test.each(files)('%s: every field reads, and writing it back gives the same definition', (_name, definition) => {
    for (const { path } of fieldEntries(definition.schema)) {
      const settings = readField(definition, path);
      expect(settings.key).toBe(path.split('.').pop());
      expect(writeField(definition, path, settings)).toEqual(definition);
    }
  });

  test('infers the kinds of fields without ui:kind', () => {
    const byName = Object.fromEntries(files);
    const slam = byName['region-jamtland-harjedalen/bestall-slamtomning.json'] as ServiceDefinition;
    expect(readField(slam, 'customerNumber')).toEqual({
      kind: 'short-text',
      key: 'customerNumber',
      label: { sv: 'Kundnummer', en: 'Customer number' },
      help: { sv: 'Kundnumret står överst på fakturan. Det har 4–10 siffror.', en: 'The customer number is at the top of the invoice. It has 4–10 digits.' },
      required: true,
      pattern: { kind: 'digits', min: 4, max: 10 },
    });
    expect(readField(slam, 'kind')).toMatchObject({ kind: 'single-choice', widget: 'radio', options: [{ value: 'within-5-workdays' }, { value: 'set-day' }, { value: 'urgent' }] });
    expect(readField(slam, 'day')).toMatchObject({ kind: 'date', required: false, dateRule: { minWorkdaysAhead: 5 } });
    expect(readField(slam, 'ordinaryRound')).toMatchObject({ kind: 'yes-no', options: [{ value: true, label: { sv: 'Ja', en: 'Yes' } }, { value: false }] });
    expect(readField(slam, 'access')).toMatchObject({ kind: 'long-text', maxLength: 1000, required: false });
    expect(readField(slam, 'contact')).toMatchObject({ kind: 'group', required: true, fields: [{ key: 'name', kind: 'short-text' }, { key: 'phone', kind: 'phone', required: true }, { key: 'email', kind: 'email', required: false }] });
    const avfall = byName['region-jamtland-harjedalen/andra-avfallsabonnemang.json'] as ServiceDefinition;
    expect(readField(avfall, 'binSize')).toMatchObject({ kind: 'single-choice', options: [{ value: 140 }, { value: 190 }, { value: 370 }, { value: 660 }] });
    expect(readField(avfall, 'fee')).toMatchObject({ kind: 'information', required: false });
    expect(readField(avfall, 'invoiceRecipient').kind).toBe('consent');
    const fel = byName['region-jamtland-harjedalen/felanmalan.json'] as ServiceDefinition;
    expect(readField(fel, 'urgent').kind).toBe('stop-notice');
    expect(readField(fel, 'kind').widget).toBe('select');
    const ide = byName['ostersund/lamna-din-ide.json'] as ServiceDefinition;
    expect(readField(ide, 'beneficiaries')).toMatchObject({ kind: 'multiple-choice', minItems: 1 });
    const forslag = byName['sundsvall/medborgarforslag.json'] as ServiceDefinition;
    expect(readField(forslag, 'proposer.postalCode').kind).toBe('postnummer');
    const matare = byName['region-jamtland-harjedalen/vattenmatarstallning.json'] as ServiceDefinition;
    expect(readField(matare, 'meterNumber').pattern).toEqual({ kind: 'custom', regex: '^[0-9A-Za-z]{4,12}$' });
    expect(readField(matare, 'reading')).toMatchObject({ kind: 'number', integer: true, minimum: 0, maximum: 999999 });
  });

  test('reads a repeated group with its fields, and fields inside it by path', () => {
    expect(readField(ownerChange, 'buyers')).toMatchObject({
      kind: 'repeated-group',
      minItems: 1,
      maxItems: 2,
      fields: [{ key: 'name', kind: 'short-text', required: true, minLength: 1, maxLength: 100 }, { key: 'pnr', kind: 'personnummer', required: true }],
    });
    expect(readField(ownerChange, 'buyers.pnr').help).toEqual({ sv: '12 siffror.' });
    expect(() => readField(ownerChange, 'buyers.fax')).toThrow(/no field "buyers.fax"/);
  });
});
