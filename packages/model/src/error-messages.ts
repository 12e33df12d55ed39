import type { JsonSchema, Locale } from './definition.ts';

/** What a built-in message may use: the field's label, the ajv params and the field's schema. */
export interface MessageInput {
  label: string;
  params: Record<string, unknown>;
  schema: JsonSchema | undefined;
  /** Label of another field the message names (the `from` of a date range). */
  labelOf(propertyName: string): string;
}

type Message = (input: MessageInput) => string;

const FORMAT: Record<Locale, Record<string, string>> = {
  sv: {
    personnummer: 'Skriv personnumret med 12 siffror, till exempel 19121212-1212.',
    organisationsnummer: 'Skriv organisationsnumret med 10 siffror, till exempel 556016-0680.',
    postnummer: 'Skriv postnumret med 5 siffror, till exempel 831 82.',
    telefonnummer: 'Skriv ett svenskt telefonnummer, till exempel 070-123 45 67 eller 063-14 30 00.',
    fastighetsbeteckning: 'Skriv fastighetsbeteckningen med kommun, trakt och nummer, till exempel Östersund Arvesgården 4:12.',
    email: 'Skriv e-postadressen med @, till exempel namn@exempel.se.',
    date: 'Skriv datumet som år-månad-dag, till exempel 2026-05-31.',
  },
  en: {
    personnummer: 'Write the personal identity number with 12 digits, for example 19121212-1212.',
    organisationsnummer: 'Write the organisation number with 10 digits, for example 556016-0680.',
    postnummer: 'Write the postcode with 5 digits, for example 831 82.',
    telefonnummer: 'Write a Swedish phone number, for example 070-123 45 67 or 063-14 30 00.',
    fastighetsbeteckning: 'Write the property designation with municipality, block and number, for example Östersund Arvesgården 4:12.',
    email: 'Write the email address with an @, for example name@example.com.',
    date: 'Write the date as year-month-day, for example 2026-05-31.',
  },
};

function hasEnumItems(schema: JsonSchema | undefined): boolean {
  const items = schema?.items;
  return typeof items === 'object' && items !== null && 'enum' in items;
}

// Labels are often whole questions ("Vad vill du kalla idén?"), so a message quotes the label
// instead of weaving it into its own sentence.
const sq = (label: string): string => `”${label}”`;
const eq = (label: string): string => `“${label}”`;
const isQuestion = (label: string): boolean => label.trimEnd().endsWith('?');

const sv: Record<string, Message> = {
  required: ({ label }) => (isQuestion(label) ? `Svara på frågan ${sq(label)}` : `Fyll i ${sq(label)}.`),
  format: ({ label, params }) => FORMAT.sv[String(params.format)] ?? `Kontrollera att ${sq(label)} är rätt skrivet.`,
  minLength: ({ label, params }) => (params.limit === 1 ? `Fyll i ${sq(label)}.` : `Skriv minst ${params.limit} tecken i ${sq(label)}.`),
  maxLength: ({ label, params }) => `Skriv högst ${params.limit} tecken i ${sq(label)}.`,
  minimum: ({ label, params }) => `Skriv ett tal som är ${params.limit} eller större i ${sq(label)}.`,
  exclusiveMinimum: ({ label, params }) => `Skriv ett tal som är större än ${params.limit} i ${sq(label)}.`,
  maximum: ({ label, params }) => `Skriv ett tal som är ${params.limit} eller mindre i ${sq(label)}.`,
  exclusiveMaximum: ({ label, params }) => `Skriv ett tal som är mindre än ${params.limit} i ${sq(label)}.`,
  multipleOf: ({ label, params }) => `Skriv ett tal i ${sq(label)} som är jämnt delbart med ${params.multipleOf}.`,
  enum: ({ label }) => `Välj ett av alternativen för ${sq(label)}.`,
  type: ({ label, params }) =>
    params.type === 'integer'
      ? `Skriv ${sq(label)} som ett heltal, utan decimaler.`
      : params.type === 'number'
        ? `Skriv ${sq(label)} som ett tal.`
        : `Fyll i ${sq(label)} på nytt.`,
  pattern: ({ label }) => `Kontrollera att ${sq(label)} är rätt skrivet.`,
  dateRule: ({ label, params }) =>
    params.rule === 'maxDaysAhead'
      ? `Välj ett datum senast ${params.latest} för ${sq(label)}.`
      : `Välj ett datum tidigast ${params.earliest} för ${sq(label)}.`,
  dateRange: ({ label, params, labelOf }) =>
    params.reason === 'order'
      ? `Välj ${sq(label)} samma dag som ${sq(labelOf(String(params.from)))} eller senare.`
      : params.reason === 'minDays'
        ? `Välj ${sq(label)} så att perioden blir minst ${params.limit} dagar.`
        : `Välj ${sq(label)} så att perioden blir högst ${params.limit} dagar.`,
  additionalProperties: ({ params }) => `Okänt fält ${String(params.additionalProperty)}. Ta bort det.`,
  minItems: ({ label, params, schema }) =>
    hasEnumItems(schema) ? `Välj minst ${params.limit} alternativ för ${sq(label)}.` : `Lägg till minst ${params.limit} i ${sq(label)}.`,
  maxItems: ({ label, params, schema }) =>
    hasEnumItems(schema) ? `Välj högst ${params.limit} alternativ för ${sq(label)}.` : `Ta bort tills det finns högst ${params.limit} i ${sq(label)}.`,
  uniqueItems: ({ label }) => `Ta bort dubbletterna i ${sq(label)}.`,
  const: ({ label, params }) => (params.allowedValue === true ? `Du måste bekräfta ${sq(label)}.` : `Kontrollera ${sq(label)}.`),
  // A plain form post over the limits answersFromForm reads (see form-limits.ts).
  limit: ({ label, params }) =>
    params.of === 'characters'
      ? `Skriv högst ${params.limit} tecken i ${sq(label)}.`
      : params.of === 'items'
        ? `Ta bort tills ${sq(label)} har högst ${params.limit} delar.`
        : 'Formuläret skickade för många fält. Ladda om sidan och försök igen.',
};

const en: Record<string, Message> = {
  required: ({ label }) => (isQuestion(label) ? `Answer the question ${eq(label)}` : `Enter ${eq(label)}.`),
  format: ({ label, params }) => FORMAT.en[String(params.format)] ?? `Check that ${eq(label)} is written correctly.`,
  minLength: ({ label, params }) => (params.limit === 1 ? `Enter ${eq(label)}.` : `Enter at least ${params.limit} characters in ${eq(label)}.`),
  maxLength: ({ label, params }) => `Enter at most ${params.limit} characters in ${eq(label)}.`,
  minimum: ({ label, params }) => `Enter a number of ${params.limit} or more in ${eq(label)}.`,
  exclusiveMinimum: ({ label, params }) => `Enter a number greater than ${params.limit} in ${eq(label)}.`,
  maximum: ({ label, params }) => `Enter a number of ${params.limit} or less in ${eq(label)}.`,
  exclusiveMaximum: ({ label, params }) => `Enter a number less than ${params.limit} in ${eq(label)}.`,
  multipleOf: ({ label, params }) => `Enter a number in ${eq(label)} that is a multiple of ${params.multipleOf}.`,
  enum: ({ label }) => `Choose one of the options for ${eq(label)}.`,
  type: ({ label, params }) =>
    params.type === 'integer'
      ? `Enter ${eq(label)} as a whole number.`
      : params.type === 'number'
        ? `Enter ${eq(label)} as a number.`
        : `Fill in ${eq(label)} again.`,
  pattern: ({ label }) => `Check that ${eq(label)} is written correctly.`,
  dateRule: ({ label, params }) =>
    params.rule === 'maxDaysAhead'
      ? `Choose a date on or before ${params.latest} for ${eq(label)}.`
      : `Choose a date on or after ${params.earliest} for ${eq(label)}.`,
  dateRange: ({ label, params, labelOf }) =>
    params.reason === 'order'
      ? `Choose ${eq(label)} on or after ${eq(labelOf(String(params.from)))}.`
      : params.reason === 'minDays'
        ? `Choose ${eq(label)} so that the period is at least ${params.limit} days.`
        : `Choose ${eq(label)} so that the period is at most ${params.limit} days.`,
  additionalProperties: ({ params }) => `Unknown field ${String(params.additionalProperty)}. Remove it.`,
  minItems: ({ label, params, schema }) =>
    hasEnumItems(schema) ? `Choose at least ${params.limit} ${params.limit === 1 ? 'option' : 'options'} for ${eq(label)}.` : `Add at least ${params.limit} to ${eq(label)}.`,
  maxItems: ({ label, params, schema }) =>
    hasEnumItems(schema) ? `Choose at most ${params.limit} ${params.limit === 1 ? 'option' : 'options'} for ${eq(label)}.` : `Remove entries until ${eq(label)} has at most ${params.limit}.`,
  uniqueItems: ({ label }) => `Remove the duplicates in ${eq(label)}.`,
  const: ({ label, params }) => (params.allowedValue === true ? `You must confirm ${eq(label)}.` : `Check ${eq(label)}.`),
  limit: ({ label, params }) =>
    params.of === 'characters'
      ? `Enter at most ${params.limit} characters in ${eq(label)}.`
      : params.of === 'items'
        ? `Remove entries until ${eq(label)} has at most ${params.limit}.`
        : 'The form sent too many fields. Reload the page and try again.',
};

/** Built-in messages per locale and ajv keyword, written as how to fix the problem. */
export const ERROR_MESSAGES: Record<Locale, Record<string, Message>> = { sv, en };

/** The message when no built-in one fits the keyword. */
export const FALLBACK_MESSAGE: Record<Locale, Message> = {
  sv: ({ label }) => `Kontrollera ${sq(label)}.`,
  en: ({ label }) => `Check ${eq(label)}.`,
};
