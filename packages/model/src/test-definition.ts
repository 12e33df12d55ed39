import type { ServiceDefinition } from './definition.ts';

/** A literal e-service used by this package's tests: a change of owner with a pause period. */
export const ownerChange: ServiceDefinition = {
  id: 'agarbyte',
  title: { sv: 'Ägarbyte', en: 'Change of owner' },
  description: { sv: 'Anmäl att fastigheten får en ny ägare.', en: 'Report a new owner of the property.' },
  identification: 'e-id',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['property', 'buyers', 'contact', 'consent'],
    properties: {
      urgent: { type: 'null' },
      property: { type: 'string', format: 'fastighetsbeteckning' },
      transfer: { type: 'string', format: 'date', dateRule: { minDaysAhead: 14 } },
      kind: { type: 'string', enum: ['house', 'holiday'] },
      bins: { type: 'array', items: { type: 'string', enum: ['140', '190'] }, minItems: 1, uniqueItems: true },
      persons: { type: 'integer', minimum: 1, maximum: 20 },
      buyers: {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'pnr'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            pnr: { type: 'string', format: 'personnummer' },
          },
        },
      },
      contact: {
        type: 'object',
        additionalProperties: false,
        required: ['email'],
        properties: {
          email: { type: 'string', format: 'email' },
          phone: { type: 'string', format: 'telefonnummer' },
        },
      },
      period: {
        type: 'object',
        properties: {
          from: { type: 'string', format: 'date' },
          to: { type: 'string', format: 'date' },
        },
        dateRange: { from: 'from', to: 'to', minDays: 90 },
      },
      consent: { type: 'boolean', const: true },
    },
  },
  uiSchema: {
    urgent: { 'ui:field': 'notice', 'ui:options': { kind: 'warning' } },
    bins: { 'ui:widget': 'checkboxes' },
    buyers: { items: { pnr: { 'ui:autocomplete': 'off' } } },
  },
  texts: {
    urgent: { label: { sv: 'Brådskande?', en: 'Urgent?' }, help: { sv: 'Ring 063-14 30 00.', en: 'Call +46 63 14 30 00.' } },
    property: { label: { sv: 'Fastighetsbeteckning', en: 'Property designation' } },
    transfer: { label: { sv: 'Tillträdesdag', en: 'Transfer date' } },
    kind: {
      label: { sv: 'Typ av boende', en: 'Kind of home' },
      options: { house: { sv: 'Villa', en: 'House' }, holiday: { sv: 'Fritidshus', en: 'Holiday home' } },
    },
    bins: { label: { sv: 'Kärl', en: 'Bins' }, options: { '140': { sv: '140 liter', en: '140 litres' } } },
    persons: { label: { sv: 'Antal personer', en: 'Number of persons' } },
    buyers: { label: { sv: 'Köpare', en: 'Buyers' } },
    'buyers.name': { label: { sv: 'Köparens namn', en: "Buyer's name" } },
    'buyers.pnr': {
      label: { sv: 'Köparens personnummer', en: "Buyer's personal identity number" },
      help: { sv: '12 siffror.' },
    },
    contact: { label: { sv: 'Kontaktuppgifter', en: 'Contact details' } },
    'contact.email': {
      label: { sv: 'E-postadress', en: 'Email address' },
      errors: { required: { sv: 'Vi behöver din e-postadress för att kunna svara.', en: 'We need your email address to reply.' } },
    },
    'contact.phone': { label: { sv: 'Telefonnummer', en: 'Phone number' } },
    period: { label: { sv: 'Uppehåll', en: 'Pause' } },
    'period.from': { label: { sv: 'Från och med', en: 'From' } },
    'period.to': {
      label: { sv: 'Till och med', en: 'Until' },
      errors: { dateRange: { sv: 'Uppehållet måste vara minst {limit} dagar.' } },
    },
    consent: { label: { sv: 'Jag intygar att uppgifterna stämmer', en: 'I confirm that the details are correct' } },
  },
  steps: [
    { id: 'property', title: { sv: 'Fastigheten', en: 'The property' }, fields: ['urgent', 'property', 'transfer', 'kind', 'bins', 'persons'] },
    { id: 'buyers', title: { sv: 'Köpare', en: 'Buyers' }, fields: ['buyers', 'contact', 'period', 'consent'] },
  ],
  routing: {
    queue: 'va',
    rules: [
      { when: { all: [{ field: 'kind', equals: 'holiday' }, { field: 'contact.phone', isSet: true }] }, queue: 'fritid' },
      { when: { field: 'bins', in: [['140'], ['190']] }, queue: 'avfall' },
    ],
  },
};
