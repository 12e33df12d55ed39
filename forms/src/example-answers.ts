import type { JsonValue } from '@samform/model';

/** The answers of one submission, keyed like the e-service's schema properties. */
export type Answers = { [key: string]: JsonValue };

/** Inputs of an example: the owner (shared e-services differ per collaboration) and today. */
interface ExampleContext {
  owner: string;
  /** Today's date in Europe/Stockholm as a day number since 1970-01-01. */
  today: number;
}

const DAY_MS = 86_400_000;

// Each collaboration's examples use a property designation from its own region.
const PROPERTY: Record<string, string> = {
  'region-jamtland-harjedalen': 'Östersund Arvesgården 4:12',
  'esamverkan-vasternorrland': 'Sundsvall Nacksta 5:12',
};

// Tolvan Tolvansson is the Swedish Tax Agency's test person; 070-174 06 xx is a PTS fiction range.
const PERSON = { name: 'Tolvan Tolvansson', email: 'tolvan@exempel.se', phone: '070-174 06 50' };

const SHARED: Record<string, (c: ExampleContext) => Answers> = {
  'andra-avfallsabonnemang': (c) => ({
    customerNumber: '104527',
    property: propertyOf(c.owner),
    binSize: 190,
    foodBin: 140,
    interval: 4,
    contact: { ...PERSON },
    invoiceRecipient: true,
  }),
  'uppehall-i-hamtning': (c) => ({
    property: propertyOf(c.owner),
    role: 'owner',
    // Eight weeks ahead and half a year long: well inside six weeks ahead and 3-12 months.
    from: isoDate(c.today + 56),
    to: isoDate(c.today + 56 + 182),
    contact: { email: PERSON.email },
  }),
  'bestall-slamtomning': (c) => ({
    customerNumber: '104527',
    facilityNumber: '40213',
    kind: 'set-day',
    // Three weeks ahead, on a weekday: more than 5 workdays even across Christmas.
    day: isoDate(nextWeekday(c.today + 21)),
    ordinaryRound: true,
    access: 'Brunnen ligger bakom garaget. Grinden är olåst.',
    contact: { name: PERSON.name, phone: PERSON.phone },
  }),
  felanmalan: () => ({
    kind: 'water-leak',
    place: 'Storgatan 12',
    description: 'Det porlar vatten upp ur en brunn i gatan sedan i morse.',
  }),
};

const OWN: Record<string, (c: ExampleContext) => Answers> = {
  'ostersund/lamna-din-ide': () => ({
    title: 'Sms när plogbilen kommer',
    need: 'Jag vet aldrig när min gata ska plogas. Bilen står i vägen och gatan blir dåligt plogad.',
    proposal: 'Skicka ett sms eller en notis dagen innan gatan plogas, så att vi hinner flytta bilen.',
    beneficiaries: ['citizens', 'staff'],
    area: 'planning-building',
    submitterKind: 'citizen',
    contact: { ...PERSON },
    publicRecord: true,
  }),
  'region-jamtland-harjedalen/vattenmatarstallning': (c) => ({
    customerNumber: '104527',
    meterNumber: 'K5512093',
    reading: 1234,
    readingDate: isoDate(c.today),
  }),
  // Requires e-ID (issue 6): the personnummer is the login's, here Skatteverket's test person Tolvan.
  'region-jamtland-harjedalen/uppehall-i-hamtning': (c) => ({ personnummer: '19121212-1212', ...SHARED['uppehall-i-hamtning']!(c) }),
  'region-jamtland-harjedalen/agarbyte': (c) => ({
    seller: {
      name: 'Tora Tolvansson',
      property: propertyOf(c.owner),
      address: 'Storgatan 12, Östersund',
      // Four weeks ahead: well past the 14 days the transfer must be announced before.
      transferDate: isoDate(c.today + 28),
      reading: 1234,
      finalInvoiceAddress: 'Kyrkgatan 3, 831 34 Östersund',
    },
    // 19121212-1212 is the Swedish Tax Agency's Tolvan; 19800101-2387 a made-up number with a right check digit.
    buyers: [{ name: PERSON.name, personnummer: '19121212-1212' }, { name: 'Tuva Tolvansson', personnummer: '19800101-2387' }],
    household: 3,
    invoiceAddress: 'Storgatan 12, 831 30 Östersund',
  }),
  'esamverkan-vasternorrland/hemkompostering': (c) => ({
    property: propertyOf(c.owner),
    propertyType: 'permanent',
    compostType: 'insulated',
    volume: 320,
    pestProof: true,
    allFoodWaste: true,
    notifyStop: true,
    contact: { email: PERSON.email, phone: PERSON.phone },
  }),
  'sundsvall/medborgarforslag': () => ({
    title: 'Fler cykelställ vid Sundsvalls resecentrum',
    proposal: 'Bygg ett tak över cykelställen vid resecentrum och sätt upp fler ställ.',
    reasons: 'Ställen är fulla varje morgon och cyklarna blir blöta. Fler skulle ta cykeln till tåget.',
    proposer: {
      name: PERSON.name,
      street: 'Storgatan 1',
      postalCode: '852 30',
      city: 'Sundsvall',
      phone: PERSON.phone,
      email: PERSON.email,
    },
  }),
};

/**
 * One valid set of answers for an e-service of forms/, with dates counted from `today`
 * (in Europe/Stockholm, as the validator counts them). Throws for an e-service without one.
 */
export function exampleAnswers(owner: string, serviceId: string, today: Date = new Date()): Answers {
  const make = OWN[`${owner}/${serviceId}`] ?? (owner in PROPERTY ? SHARED[serviceId] : undefined);
  if (!make) throw new Error(`No example answers for ${owner}/${serviceId}; add them to forms/src/example-answers.ts`);
  return make({ owner, today: stockholmDay(today) });
}

function propertyOf(owner: string): string {
  const property = PROPERTY[owner];
  if (property === undefined) throw new Error(`No example property for ${owner}`);
  return property;
}

function stockholmDay(now: Date): number {
  const iso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day itself when it is Monday to Friday, else the Monday after. */
function nextWeekday(day: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (day + 4) % 7;
  return weekday === 6 ? day + 1 : weekday === 0 ? day + 2 : day;
}
