import type { LocalText } from '../definition.ts';

/** The designer's palette: every kind of field or block an e-service can hold. */
export const FIELD_KINDS = [
  'short-text',
  'long-text',
  'number',
  'email',
  'phone',
  'personnummer',
  'organisationsnummer',
  'postnummer',
  'date',
  'single-choice',
  'multiple-choice',
  'yes-no',
  'consent',
  'fastighetsbeteckning',
  'address',
  'attachment',
  'repeated-group',
  'group',
  'heading',
  'information',
  'stop-notice',
] as const;

/** One kind of field or block, stored as `ui:kind` in the field's uiSchema entry. */
export type FieldKind = (typeof FIELD_KINDS)[number];

/** The palette name of each kind and whether it takes an answer (false for heading and notices). */
export const FIELD_KIND_INFO: Record<FieldKind, { label: LocalText; input: boolean }> = {
  'short-text': { label: { sv: 'Kort text', en: 'Short text' }, input: true },
  'long-text': { label: { sv: 'Lång text', en: 'Long text' }, input: true },
  number: { label: { sv: 'Tal', en: 'Number' }, input: true },
  email: { label: { sv: 'E-postadress', en: 'Email address' }, input: true },
  phone: { label: { sv: 'Telefonnummer', en: 'Phone number' }, input: true },
  personnummer: { label: { sv: 'Personnummer', en: 'Personal identity number' }, input: true },
  organisationsnummer: { label: { sv: 'Organisationsnummer', en: 'Organisation number' }, input: true },
  postnummer: { label: { sv: 'Postnummer', en: 'Postcode' }, input: true },
  date: { label: { sv: 'Datum', en: 'Date' }, input: true },
  'single-choice': { label: { sv: 'Ett val', en: 'Single choice' }, input: true },
  'multiple-choice': { label: { sv: 'Flera val', en: 'Multiple choice' }, input: true },
  'yes-no': { label: { sv: 'Ja eller nej', en: 'Yes or no' }, input: true },
  consent: { label: { sv: 'Intygande (kryssruta)', en: 'Consent checkbox' }, input: true },
  fastighetsbeteckning: { label: { sv: 'Fastighetsbeteckning', en: 'Property designation' }, input: true },
  address: { label: { sv: 'Adress', en: 'Address' }, input: true },
  attachment: { label: { sv: 'Bifogad fil', en: 'File attachment' }, input: true },
  'repeated-group': { label: { sv: 'Upprepad grupp', en: 'Repeated group' }, input: true },
  group: { label: { sv: 'Grupp av fält', en: 'Group of fields' }, input: true },
  heading: { label: { sv: 'Rubrik', en: 'Heading' }, input: false },
  information: { label: { sv: 'Informationstext', en: 'Information text' }, input: false },
  'stop-notice': { label: { sv: 'Stoppmeddelande', en: 'Stop notice' }, input: false },
};

/** True for a known field kind id. */
export function isFieldKind(x: unknown): x is FieldKind {
  return typeof x === 'string' && (FIELD_KINDS as readonly string[]).includes(x);
}
