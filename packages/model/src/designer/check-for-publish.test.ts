import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '../definition.ts';
import { ownerChange } from '../test-definition.ts';
import { addField } from './add-field.ts';
import { checkForPublish, type PublishProblem } from './check-for-publish.ts';
import { newServiceDefinition } from './new-service-definition.ts';
import { readField } from './read-field.ts';
import { writeField } from './write-field.ts';

const FORMS = new URL('../../../../forms/', import.meta.url);

const base: ServiceDefinition = {
  id: 'kundnummer',
  title: { sv: 'Kundnummer', en: 'Customer number' },
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['customerNumber'],
    properties: { customerNumber: { type: 'string', pattern: '^[0-9]{4,10}$' }, note: { type: 'string', maxLength: 200 } },
  },
  texts: {
    customerNumber: { label: { sv: 'Kundnummer', en: 'Customer number' }, help: { sv: '4–10 siffror.', en: '4–10 digits.' } },
    note: { label: { sv: 'Övrigt', en: 'Other' } },
  },
  steps: [{ id: 'ett', title: { sv: 'Ett', en: 'One' }, fields: ['customerNumber', 'note'] }],
  routing: { queue: 'va' },
};

function errors(problems: PublishProblem[]): PublishProblem[] {
  return problems.filter((p) => p.severity === 'error');
}

describe('checkForPublish', () => {
  test('a clean definition has no problems', () => {
    expect(checkForPublish(base)).toEqual([]);
  });

  test.each(
    readdirSync(FORMS, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !['node_modules', 'src'].includes(d.name))
      .flatMap((d) => readdirSync(new URL(`${d.name}/`, FORMS)).map((f) => `${d.name}/${f}`)),
  )('the published form %s has no errors', (file) => {
    const definition = JSON.parse(readFileSync(new URL(file, FORMS), 'utf8')) as ServiceDefinition;
    expect(errors(checkForPublish(definition))).toEqual([]);
  });

  test('refuses a catastrophic regex, pointing at the field', () => {
    const schema = structuredClone(base.schema);
    (schema.properties as Record<string, Record<string, unknown>>).customerNumber!.pattern = '^(a|a)*$';
    expect(checkForPublish({ ...base, schema })).toEqual([
      {
        path: '/schema/properties/customerNumber/pattern',
        field: 'customerNumber',
        severity: 'error',
        message: {
          sv: 'Mönstret ^(a|a)*$ upprepar alternativ som kan börja likadant, som kan ta mycket lång tid; använd mönsterbyggaren eller ett enklare mönster',
          en: 'The pattern ^(a|a)*$ repeats alternatives that can start alike, which can take very long; use the pattern builder or a simpler pattern',
        },
      },
    ]);
  });

  test('refuses a 300 KB schema', () => {
    const properties: Record<string, unknown> = {};
    const texts: ServiceDefinition['texts'] = {};
    for (let i = 0; i < 300; i += 1) {
      properties[`val${i}`] = { type: 'string', enum: Array.from({ length: 100 }, (_, j) => `alternativ-nummer-${j}`) };
      texts[`val${i}`] = { label: { sv: `Val ${i}`, en: `Choice ${i}` } };
    }
    const big: ServiceDefinition = { ...base, schema: { type: 'object', properties }, texts, steps: [{ id: 'ett', title: { sv: 'Ett', en: 'One' }, fields: Object.keys(properties) }] };
    const size = JSON.stringify({ schema: big.schema, uiSchema: {}, texts }).length;
    expect(size).toBeGreaterThan(300_000);
    expect(errors(checkForPublish(big))).toEqual([
      expect.objectContaining({ path: '/schema', message: expect.objectContaining({ en: expect.stringMatching(/^The e-service is too large \(\d+ KB of at most 256 KB\)/) }) }),
    ]);
  });

  test('refuses a schema nested deeper than 32 levels', () => {
    let node: Record<string, unknown> = { type: 'string' };
    const texts: ServiceDefinition['texts'] = {};
    for (let i = 0; i < 16; i += 1) node = { type: 'object', properties: { n: node } };
    let path = 'deep';
    texts[path] = { label: { sv: 'D', en: 'D' } };
    for (let i = 0; i < 16; i += 1) {
      path += '.n';
      texts[path] = { label: { sv: 'D', en: 'D' } };
    }
    const deep: ServiceDefinition = { ...base, schema: { type: 'object', properties: { deep: node } }, texts, steps: [{ id: 'ett', title: { sv: 'Ett', en: 'One' }, fields: ['deep'] }] };
    expect(errors(checkForPublish(deep)).map((p) => p.message.en)).toEqual([expect.stringMatching(/^The schema is nested too deep \(35 levels of at most 32\)/)]);
  });

  test('refuses HTML or script in any author text, pointing at the text', () => {
    const texts = { ...base.texts, note: { label: { sv: '<img src=x onerror=alert(1)>', en: 'Other' } } };
    const found = checkForPublish({ ...base, texts, receipt: { nextSteps: { sv: 'Läs mer på javascript:alert(1)', en: 'Fine' } } });
    expect(errors(found).map((p) => [p.path, p.field])).toEqual([
      ['/receipt/nextSteps/sv', undefined],
      ['/texts/note/label/sv', 'note'],
    ]);
    expect(errors(found)[1]?.message.sv).toMatch(/ta bort koden/);
    expect(checkForPublish({ ...base, title: { sv: 'Avgift < 100 kr', en: 'Fee < 100 SEK' } })).toEqual([]);
  });

  test('needs a label and title in every enabled locale', () => {
    const texts = { ...base.texts, note: { label: { sv: 'Övrigt' } } };
    const steps = [{ id: 'ett', title: { sv: 'Ett' }, fields: ['customerNumber', 'note'] }];
    expect(errors(checkForPublish({ ...base, texts, steps }))).toEqual([
      { path: '/texts/note/label', field: 'note', severity: 'error', message: { sv: 'Etiketten saknas på engelska', en: 'The label is missing in English' } },
      { path: '/steps/0/title', severity: 'error', message: { sv: 'Rubriken saknas på engelska', en: 'The title is missing in English' } },
    ]);
    expect(errors(checkForPublish({ ...base, texts, steps }, { locales: ['sv'] }))).toEqual([]);
  });

  test('refuses keys differing only in case and repeated option values', () => {
    const schema = { ...base.schema, properties: { ...(base.schema.properties as object), Note: { type: 'string', enum: ['a', 'a'] } } };
    const texts = { ...base.texts, Note: { label: { sv: 'Not', en: 'Note' } } };
    const steps = [{ id: 'ett', title: { sv: 'Ett', en: 'One' }, fields: ['customerNumber', 'note', 'Note'] }];
    const found = errors(checkForPublish({ ...base, schema, texts, steps })).filter((p) => p.path !== '/schema');
    expect(found.map((p) => p.message.en)).toEqual(['The value "a" appears twice among the options', 'The key "Note" differs from "note" only in letter case']);
  });

  test('warns about duplicate and empty labels, "click here" and strict formats without help', () => {
    let draft = addField(newServiceDefinition('ny', { sv: 'Ny', en: 'New' }), 'steg-1', 'personnummer').definition;
    draft = addField(draft, 'steg-1', 'short-text').definition;
    draft = writeField(draft, 'kortText', { ...readField(draft, 'kortText'), help: { sv: 'Klicka här för mer', en: 'See the rules' } });
    const warnings = checkForPublish(draft).filter((p) => p.severity === 'warning');
    expect(warnings.map((p) => [p.path, p.message.en])).toEqual([
      ['/texts/personnummer', 'The field needs a set format; add a help text with an example'],
      ['/texts/kortText/label/sv', 'The same label as field "personnummer"'],
      ['/texts/kortText/label/en', 'The same label as field "personnummer"'],
      ['/texts/kortText/help/sv', 'Avoid "click here"; say where the link goes'],
    ]);
    expect(errors(checkForPublish(draft))).toEqual([]);
  });

  test('refuses attachment types that cannot be sniffed and files over the cap', () => {
    const draft = addField(newServiceDefinition('ny', { sv: 'Ny', en: 'New' }), 'steg-1', 'attachment').definition;
    const uiSchema = { bilaga: { 'ui:kind': 'attachment', 'ui:options': { accept: ['text/html'], maxBytes: 100 * 1024 * 1024, maxFiles: 1 } } };
    expect(errors(checkForPublish({ ...draft, uiSchema })).map((p) => [p.path, p.field, p.message.en])).toEqual([
      ['/uiSchema/bilaga/ui:options/accept', 'bilaga', 'The file type text/html cannot be recognised from the content'],
      ['/uiSchema/bilaga/ui:options/maxBytes', 'bilaga', 'A file may be at most 20 MB'],
    ]);
    expect(errors(checkForPublish(draft))).toEqual([]);
  });

  test('passes on checkDefinition problems, including a condition on a missing field', () => {
    const uiSchema = { note: { 'ui:showWhen': { field: 'gone', equals: true } } };
    expect(errors(checkForPublish({ ...base, uiSchema }))).toEqual([
      { path: '/uiSchema/note/ui:showWhen/field', field: 'note', severity: 'error', message: { sv: 'names no field of the schema: "gone"', en: 'names no field of the schema: "gone"' } },
    ]);
    expect(errors(checkForPublish(ownerChange))).toEqual([]);
  });
});
