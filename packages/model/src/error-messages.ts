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

const sv: Record<string, Message> = {
  required: ({ label }) => `Fyll i ${label}.`,
  format: ({ label, params }) => FORMAT.sv[String(params.format)] ?? `Kontrollera att ${label} är rätt skrivet.`,
  minLength: ({ label, params }) => (params.limit === 1 ? `Fyll i ${label}.` : `Skriv minst ${params.limit} tecken i ${label}.`),
  maxLength: ({ label, params }) => `Skriv högst ${params.limit} tecken i ${label}.`,
  minimum: ({ label, params }) => `Skriv ett tal som är ${params.limit} eller större i ${label}.`,
  exclusiveMinimum: ({ label, params }) => `Skriv ett tal som är större än ${params.limit} i ${label}.`,
  maximum: ({ label, params }) => `Skriv ett tal som är ${params.limit} eller mindre i ${label}.`,
  exclusiveMaximum: ({ label, params }) => `Skriv ett tal som är mindre än ${params.limit} i ${label}.`,
  multipleOf: ({ label, params }) => `Skriv ett tal i ${label} som är jämnt delbart med ${params.multipleOf}.`,
  enum: ({ label }) => `Välj ett av alternativen för ${label}.`,
  type: ({ label, params }) =>
    params.type === 'integer'
      ? `Skriv ${label} som ett heltal, utan decimaler.`
      : params.type === 'number'
        ? `Skriv ${label} som ett tal.`
        : `Fyll i ${label} på nytt.`,
  pattern: ({ label }) => `Kontrollera att ${label} är rätt skrivet.`,
  dateRule: ({ label, params }) =>
    params.rule === 'maxDaysAhead'
      ? `Välj ett datum senast ${params.latest} för ${label}.`
      : `Välj ett datum tidigast ${params.earliest} för ${label}.`,
  dateRange: ({ label, params, labelOf }) =>
    params.reason === 'order'
      ? `Välj ${label} samma dag som ${labelOf(String(params.from))} eller senare.`
      : params.reason === 'minDays'
        ? `Välj ${label} så att perioden blir minst ${params.limit} dagar.`
        : `Välj ${label} så att perioden blir högst ${params.limit} dagar.`,
  additionalProperties: ({ params }) => `Okänt fält ${String(params.additionalProperty)}. Ta bort det.`,
  minItems: ({ label, params, schema }) =>
    hasEnumItems(schema) ? `Välj minst ${params.limit} alternativ för ${label}.` : `Lägg till minst ${params.limit} i ${label}.`,
  maxItems: ({ label, params, schema }) =>
    hasEnumItems(schema) ? `Välj högst ${params.limit} alternativ för ${label}.` : `Ta bort tills det finns högst ${params.limit} i ${label}.`,
  uniqueItems: ({ label }) => `Ta bort dubbletterna i ${label}.`,
  const: ({ label, params }) => (params.allowedValue === true ? `Du måste bekräfta ”${label}”.` : `Kontrollera ${label}.`),
};

const en: Record<string, Message> = {
  required: ({ label }) => `Enter ${label}.`,
  format: ({ label, params }) => FORMAT.en[String(params.format)] ?? `Check that ${label} is written correctly.`,
  minLength: ({ label, params }) => (params.limit === 1 ? `Enter ${label}.` : `Enter at least ${params.limit} characters in ${label}.`),
  maxLength: ({ label, params }) => `Enter at most ${params.limit} characters in ${label}.`,
  minimum: ({ label, params }) => `Enter a number of ${params.limit} or more in ${label}.`,
  exclusiveMinimum: ({ label, params }) => `Enter a number greater than ${params.limit} in ${label}.`,
  maximum: ({ label, params }) => `Enter a number of ${params.limit} or less in ${label}.`,
  exclusiveMaximum: ({ label, params }) => `Enter a number less than ${params.limit} in ${label}.`,
  multipleOf: ({ label, params }) => `Enter a number in ${label} that is a multiple of ${params.multipleOf}.`,
  enum: ({ label }) => `Choose one of the options for ${label}.`,
  type: ({ label, params }) =>
    params.type === 'integer'
      ? `Enter ${label} as a whole number.`
      : params.type === 'number'
        ? `Enter ${label} as a number.`
        : `Fill in ${label} again.`,
  pattern: ({ label }) => `Check that ${label} is written correctly.`,
  dateRule: ({ label, params }) =>
    params.rule === 'maxDaysAhead'
      ? `Choose a date on or before ${params.latest} for ${label}.`
      : `Choose a date on or after ${params.earliest} for ${label}.`,
  dateRange: ({ label, params, labelOf }) =>
    params.reason === 'order'
      ? `Choose ${label} on or after ${labelOf(String(params.from))}.`
      : params.reason === 'minDays'
        ? `Choose ${label} so that the period is at least ${params.limit} days.`
        : `Choose ${label} so that the period is at most ${params.limit} days.`,
  additionalProperties: ({ params }) => `Unknown field ${String(params.additionalProperty)}. Remove it.`,
  minItems: ({ label, params, schema }) =>
    hasEnumItems(schema) ? `Choose at least ${params.limit} ${params.limit === 1 ? 'option' : 'options'} for ${label}.` : `Add at least ${params.limit} to ${label}.`,
  maxItems: ({ label, params, schema }) =>
    hasEnumItems(schema) ? `Choose at most ${params.limit} ${params.limit === 1 ? 'option' : 'options'} for ${label}.` : `Remove entries until ${label} has at most ${params.limit}.`,
  uniqueItems: ({ label }) => `Remove the duplicates in ${label}.`,
  const: ({ label, params }) => (params.allowedValue === true ? `You must confirm "${label}".` : `Check ${label}.`),
};

/** Built-in messages per locale and ajv keyword, written as how to fix the problem. */
export const ERROR_MESSAGES: Record<Locale, Record<string, Message>> = { sv, en };

/** The message when no built-in one fits the keyword. */
export const FALLBACK_MESSAGE: Record<Locale, Message> = {
  sv: ({ label }) => `Kontrollera ${label}.`,
  en: ({ label }) => `Check ${label}.`,
};
