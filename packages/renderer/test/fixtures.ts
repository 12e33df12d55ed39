import type { ServiceDefinition } from '@samform/model';

/** A small two-step e-service with every kind of control the theme lays out. */
export const PAUSE_SERVICE: ServiceDefinition = {
  id: 'uppehall',
  title: { sv: 'Uppehåll i hämtning', en: 'Pause in collection' },
  description: { sv: 'Ansök om uppehåll.', en: 'Apply for a pause.' },
  schema: {
    type: 'object',
    required: ['property', 'role', 'from'],
    properties: {
      urgent: { type: 'null' },
      property: { type: 'string', format: 'fastighetsbeteckning' },
      role: { type: 'string', enum: ['owner', 'leaseholder'] },
      from: { type: 'string', format: 'date' },
      bins: { type: 'array', items: { type: 'string', enum: ['140', '190'] }, uniqueItems: true },
      contact: {
        type: 'object',
        properties: { email: { type: 'string', format: 'email' } },
      },
      agree: { type: 'boolean' },
    },
  },
  uiSchema: {
    urgent: { 'ui:field': 'notice', 'ui:options': { kind: 'warning' } },
    role: { 'ui:widget': 'radio' },
    bins: { 'ui:widget': 'checkboxes' },
    contact: { email: { 'ui:autocomplete': 'email' } },
  },
  texts: {
    urgent: { label: { sv: 'Brådskande?', en: 'Urgent?' }, help: { sv: 'Ring 063-14 30 00.', en: 'Call 063-14 30 00.' } },
    property: { label: { sv: 'Fastighetsbeteckning', en: 'Property designation' }, help: { sv: 'Till exempel Östersund Arvesgården 4:12.' } },
    role: {
      label: { sv: 'Du är', en: 'You are' },
      options: { owner: { sv: 'Ägare', en: 'Owner' }, leaseholder: { sv: 'Tomträttsinnehavare', en: 'Leaseholder' } },
    },
    from: { label: { sv: 'Från och med', en: 'From' } },
    bins: { label: { sv: 'Kärl', en: 'Bins' }, options: { '140': { sv: '140 liter' }, '190': { sv: '190 liter' } } },
    contact: { label: { sv: 'Kontakt', en: 'Contact' } },
    'contact.email': { label: { sv: 'E-post', en: 'Email' } },
    agree: { label: { sv: 'Jag intygar', en: 'I confirm' } },
  },
  steps: [
    { id: 'where', title: { sv: 'Fastigheten', en: 'The property' }, fields: ['urgent', 'property', 'role'] },
    { id: 'when', title: { sv: 'Tid och kontakt', en: 'Time and contact' }, fields: ['from', 'bins', 'contact', 'agree'] },
  ],
  routing: { queue: 'avfall' },
  receipt: { nextSteps: { sv: 'Vi svarar inom två veckor.', en: 'We answer within two weeks.' } },
};
