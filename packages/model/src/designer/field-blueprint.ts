import { ATTACHMENT_DEFAULT_MAX_BYTES, ATTACHMENT_DEFAULT_MAX_FILES, attachmentSchema } from '../attachment.ts';
import type { FieldTexts, LocalText } from '../definition.ts';
import type { FieldKind } from './field-kinds.ts';
import type { Node } from './nodes.ts';

/** A new field of one kind: its schema, uiSchema entry, texts by relative path ("" = itself). */
export interface FieldBlueprint {
  schema: Node;
  ui: Node;
  texts: Record<string, FieldTexts>;
  required: boolean;
}

/** The file types an attachment accepts unless the designer says otherwise. */
export const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];
/** Bytes per file unless the designer says otherwise. */
export const DEFAULT_MAX_BYTES = ATTACHMENT_DEFAULT_MAX_BYTES;
/** Files per attachment field unless the designer says otherwise. */
export const DEFAULT_MAX_FILES = ATTACHMENT_DEFAULT_MAX_FILES;

const NEW_QUESTION: LocalText = { sv: 'Ny fråga', en: 'New question' };

function option(n: number): [string, FieldTexts['label']] {
  return [`alternativ-${n}`, { sv: `Alternativ ${n}`, en: `Option ${n}` }];
}

const OPTIONS = Object.fromEntries([option(1), option(2)]);
const OPTION_VALUES = Object.keys(OPTIONS);

function input(schema: Node, ui: Node = {}, texts: Record<string, FieldTexts> = {}): Omit<FieldBlueprint, 'ui'> & { ui: Node } {
  return { schema, ui, texts: { '': { label: NEW_QUESTION }, ...texts }, required: true };
}

function notice(kind: 'info' | 'warning', label: LocalText, help?: LocalText): Omit<FieldBlueprint, 'ui'> & { ui: Node } {
  return {
    schema: { type: 'null' },
    ui: { 'ui:field': 'notice', 'ui:options': { kind } },
    texts: { '': help === undefined ? { label } : { label, help } },
    required: false,
  };
}

function blueprintWithoutKind(kind: FieldKind): FieldBlueprint {
  switch (kind) {
    case 'short-text':
      return input({ type: 'string', maxLength: 200 });
    case 'long-text':
      return input({ type: 'string', maxLength: 4000 }, { 'ui:widget': 'textarea' });
    case 'number':
      return input({ type: 'number' });
    case 'email':
      return input({ type: 'string', format: 'email', maxLength: 254 }, { 'ui:autocomplete': 'email', 'ui:options': { inputType: 'email' } });
    case 'phone':
      return input({ type: 'string', format: 'telefonnummer', maxLength: 30 }, { 'ui:autocomplete': 'tel', 'ui:options': { inputType: 'tel' } });
    case 'personnummer':
      return input({ type: 'string', format: 'personnummer' });
    case 'organisationsnummer':
      return input({ type: 'string', format: 'organisationsnummer' });
    case 'postnummer':
      return input({ type: 'string', format: 'postnummer' }, { 'ui:autocomplete': 'postal-code' });
    case 'fastighetsbeteckning':
      return input({ type: 'string', format: 'fastighetsbeteckning', maxLength: 120 });
    case 'date':
      return input({ type: 'string', format: 'date' });
    case 'single-choice':
      return input({ type: 'string', enum: OPTION_VALUES }, { 'ui:widget': 'radio' }, { '': { label: NEW_QUESTION, options: OPTIONS } });
    case 'multiple-choice':
      return input(
        { type: 'array', items: { type: 'string', enum: OPTION_VALUES }, uniqueItems: true, minItems: 1 },
        { 'ui:widget': 'checkboxes' },
        { '': { label: NEW_QUESTION, options: OPTIONS } },
      );
    case 'yes-no':
      return input({ type: 'boolean', enum: [true, false] }, { 'ui:widget': 'radio' }, {
        '': { label: NEW_QUESTION, options: { true: { sv: 'Ja', en: 'Yes' }, false: { sv: 'Nej', en: 'No' } } },
      });
    case 'consent':
      return input({ type: 'boolean', const: true });
    case 'address':
      return input(
        {
          type: 'object',
          additionalProperties: false,
          required: ['street', 'postcode', 'city'],
          properties: {
            street: { type: 'string', maxLength: 200 },
            postcode: { type: 'string', format: 'postnummer' },
            city: { type: 'string', maxLength: 100 },
          },
        },
        {
          'ui:order': ['street', 'postcode', 'city'],
          street: { 'ui:autocomplete': 'street-address' },
          postcode: { 'ui:autocomplete': 'postal-code' },
          city: { 'ui:autocomplete': 'address-level2' },
        },
        {
          '': { label: { sv: 'Adress', en: 'Address' } },
          street: { label: { sv: 'Gatuadress', en: 'Street address' } },
          postcode: { label: { sv: 'Postnummer', en: 'Postcode' } },
          city: { label: { sv: 'Ort', en: 'Town or city' } },
        },
      );
    case 'attachment':
      return input(
        attachmentSchema({ accept: DEFAULT_ACCEPT, maxBytes: DEFAULT_MAX_BYTES, maxFiles: DEFAULT_MAX_FILES, minFiles: 1 }),
        { 'ui:options': { accept: [...DEFAULT_ACCEPT], maxBytes: DEFAULT_MAX_BYTES, maxFiles: DEFAULT_MAX_FILES } },
        // The parts of a file reference are no questions, so they have no texts.
        { '': { label: { sv: 'Bifoga fil', en: 'Attach a file' } } },
      );
    case 'repeated-group':
      return input(
        {
          type: 'array',
          minItems: 1,
          maxItems: 2,
          items: { type: 'object', additionalProperties: false, required: ['kortText'], properties: { kortText: { type: 'string', maxLength: 200 } } },
        },
        { items: { kortText: { 'ui:kind': 'short-text' } } },
        { kortText: { label: NEW_QUESTION } },
      );
    case 'group':
      return input(
        { type: 'object', additionalProperties: false, required: ['kortText'], properties: { kortText: { type: 'string', maxLength: 200 } } },
        { kortText: { 'ui:kind': 'short-text' } },
        { kortText: { label: NEW_QUESTION } },
      );
    case 'heading':
      return notice('info', { sv: 'Ny rubrik', en: 'New heading' });
    case 'information':
      return notice('info', { sv: 'Information', en: 'Information' }, { sv: 'Skriv informationen här.', en: 'Write the information here.' });
    case 'stop-notice':
      return notice('warning', { sv: 'Viktigt', en: 'Important' }, { sv: 'Skriv meddelandet här.', en: 'Write the message here.' });
  }
}

/** A fresh field of `kind`, its uiSchema entry tagged with `ui:kind`. */
export function fieldBlueprint(kind: FieldKind): FieldBlueprint {
  const blueprint = structuredClone(blueprintWithoutKind(kind));
  blueprint.ui = { 'ui:kind': kind, ...blueprint.ui };
  return blueprint;
}

/** A readable key stem per kind, for keys such as `epost`, `epost2`. */
export const KEY_STEMS: Record<FieldKind, string> = {
  'short-text': 'kortText',
  'long-text': 'langText',
  number: 'tal',
  email: 'epost',
  phone: 'telefon',
  personnummer: 'personnummer',
  organisationsnummer: 'organisationsnummer',
  postnummer: 'postnummer',
  date: 'datum',
  'single-choice': 'val',
  'multiple-choice': 'flerval',
  'yes-no': 'jaNej',
  consent: 'intygande',
  fastighetsbeteckning: 'fastighet',
  address: 'adress',
  attachment: 'bilaga',
  'repeated-group': 'grupp',
  group: 'faltgrupp',
  heading: 'rubrik',
  information: 'information',
  'stop-notice': 'stopp',
};
