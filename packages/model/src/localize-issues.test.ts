import { describe, expect, test } from 'vitest';
import { localizeIssues } from './localize-issues.ts';
import { MESSAGES, uiText } from './messages.ts';
import { ownerChange } from './test-definition.ts';
import type { ValidationIssue } from './validation-issue.ts';

const issues: ValidationIssue[] = [
  { path: '/property', keyword: 'required', params: { missingProperty: 'property' } },
  { path: '/buyers/1/pnr', keyword: 'format', params: { format: 'personnummer' } },
  { path: '/buyers/0/name', keyword: 'maxLength', params: { limit: 100 } },
  { path: '/persons', keyword: 'minimum', params: { comparison: '>=', limit: 1 } },
  { path: '/persons', keyword: 'type', params: { type: 'integer' } },
  { path: '/kind', keyword: 'enum', params: { allowedValues: ['house', 'holiday'] } },
  { path: '/transfer', keyword: 'dateRule', params: { rule: 'minDaysAhead', limit: 14, earliest: '2026-12-31', today: '2026-12-17' } },
  { path: '/bins', keyword: 'minItems', params: { limit: 1 } },
  { path: '/buyers', keyword: 'maxItems', params: { limit: 2 } },
  { path: '/consent', keyword: 'const', params: { allowedValue: true } },
  { path: '/extra', keyword: 'additionalProperties', params: { additionalProperty: 'extra' } },
  { path: '/contact/phone', keyword: 'format', params: { format: 'telefonnummer' } },
  { path: '/contact/email', keyword: 'required', params: { missingProperty: 'email' } },
  { path: '/period/to', keyword: 'dateRange', params: { reason: 'minDays', from: 'from', to: 'to', limit: 90, days: 30 } },
  { path: '/property', keyword: 'not', params: {} },
];

describe('localizeIssues', () => {
  test('in Swedish, names the label and says how to fix it; a field override wins', () => {
    expect(localizeIssues(issues, ownerChange, 'sv').map((e) => e.message)).toEqual([
      'Fyll i ”Fastighetsbeteckning”.',
      'Skriv personnumret med 12 siffror, till exempel 19121212-1212.',
      'Skriv högst 100 tecken i ”Köparens namn”.',
      'Skriv ett tal som är 1 eller större i ”Antal personer”.',
      'Skriv ”Antal personer” som ett heltal, utan decimaler.',
      'Välj ett av alternativen för ”Typ av boende”.',
      'Välj ett datum tidigast 2026-12-31 för ”Tillträdesdag”.',
      'Välj minst 1 alternativ för ”Kärl”.',
      'Ta bort tills det finns högst 2 i ”Köpare”.',
      'Du måste bekräfta ”Jag intygar att uppgifterna stämmer”.',
      'Okänt fält extra. Ta bort det.',
      'Skriv ett svenskt telefonnummer, till exempel 070-123 45 67 eller 063-14 30 00.',
      'Vi behöver din e-postadress för att kunna svara.',
      'Uppehållet måste vara minst 90 dagar.',
      'Kontrollera ”Fastighetsbeteckning”.',
    ]);
  });

  test('in English, with Swedish where a text has no English', () => {
    expect(localizeIssues(issues, ownerChange, 'en').map((e) => e.message)).toEqual([
      'Enter “Property designation”.',
      'Write the personal identity number with 12 digits, for example 19121212-1212.',
      "Enter at most 100 characters in “Buyer's name”.",
      'Enter a number of 1 or more in “Number of persons”.',
      'Enter “Number of persons” as a whole number.',
      'Choose one of the options for “Kind of home”.',
      'Choose a date on or after 2026-12-31 for “Transfer date”.',
      'Choose at least 1 option for “Bins”.',
      'Remove entries until “Buyers” has at most 2.',
      'You must confirm “I confirm that the details are correct”.',
      'Unknown field extra. Remove it.',
      'Write a Swedish phone number, for example 070-123 45 67 or 063-14 30 00.',
      'We need your email address to reply.',
      'Uppehållet måste vara minst 90 dagar.',
      'Check “Property designation”.',
    ]);
  });

  test('keeps path and keyword, and falls back to Swedish for other locales', () => {
    const [first] = localizeIssues(issues.slice(0, 1), ownerChange, 'fi');
    expect(first).toEqual({ path: '/property', keyword: 'required', message: 'Fyll i ”Fastighetsbeteckning”.' });
  });

  test('names the other end of a period in the order message', () => {
    const order: ValidationIssue = { path: '/period/to', keyword: 'dateRange', params: { reason: 'order', from: 'from', to: 'to' } };
    const withoutOverride = { ...ownerChange, texts: { ...ownerChange.texts, 'period.to': { label: { sv: 'Till och med', en: 'Until' } } } };
    expect(localizeIssues([order], withoutOverride, 'sv')[0]?.message).toBe('Välj ”Till och med” samma dag som ”Från och med” eller senare.');
    expect(localizeIssues([order], withoutOverride, 'en')[0]?.message).toBe('Choose “Until” on or after “From”.');
  });

  test('asks a question label as a question', () => {
    const asked = { ...ownerChange, texts: { ...ownerChange.texts, property: { label: { sv: 'Vilken fastighet gäller det?', en: 'Which property is it?' } } } };
    const missing: ValidationIssue = { path: '/property', keyword: 'required', params: { missingProperty: 'property' } };
    expect(localizeIssues([missing], asked, 'sv')[0]?.message).toBe('Svara på frågan ”Vilken fastighet gäller det?”');
    expect(localizeIssues([missing], asked, 'en')[0]?.message).toBe('Answer the question “Which property is it?”');
  });

  test('uses the property name when a field has no label', () => {
    const bare = { ...ownerChange, texts: {} };
    expect(localizeIssues([{ path: '/contact/email', keyword: 'required', params: {} }], bare, 'sv')[0]?.message).toBe('Fyll i ”email”.');
  });
});

describe('uiText', () => {
  test('fills slots in the asked locale, Swedish otherwise', () => {
    expect(uiText('errorSummary', 'sv', { n: 3 })).toBe('Det finns 3 fel');
    expect(uiText('errorSummary', 'en', { n: 3 })).toBe('There are 3 problems');
    expect(uiText('next', 'sma')).toBe('Nästa');
    expect(uiText('stepOf', 'en', { n: 1, total: 4 })).toBe('Step 1 of 4');
  });

  test('every key has both languages', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.sv).sort());
  });
});

describe('localizeIssues for a plain form post over the limits', () => {
  test('says how to fix an over-long answer and a post with too many fields', () => {
    const long: ValidationIssue = { path: '/property', keyword: 'limit', params: { limit: 100000, of: 'characters' } };
    const many: ValidationIssue = { path: '', keyword: 'limit', params: { limit: 1000, of: 'entries' } };
    expect(localizeIssues([long, many], ownerChange, 'sv').map((e) => e.message)).toEqual([
      'Skriv högst 100000 tecken i ”Fastighetsbeteckning”.',
      'Formuläret skickade för många fält. Ladda om sidan och försök igen.',
    ]);
    expect(localizeIssues([long], ownerChange, 'en')[0]?.message).toBe('Enter at most 100000 characters in “Property designation”.');
  });
});
