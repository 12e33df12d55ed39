import { DEFAULT_LOCALE, type Locale } from './definition.ts';
import { isLocale } from './text.ts';

/** Generic UI strings of the renderer and the client, per locale. `{n}`-style slots are filled by `uiText`. */
export const MESSAGES = {
  sv: {
    errorSummaryOne: 'Det finns 1 fel',
    errorSummary: 'Det finns {n} fel',
    errorPrefix: 'Fel:',
    required: '(obligatoriskt)',
    optional: '(frivilligt)',
    next: 'Nästa',
    previous: 'Föregående',
    review: 'Granska',
    reviewTitle: 'Granska dina svar',
    submit: 'Skicka',
    change: 'Ändra',
    changeField: 'Ändra {label}',
    notAnswered: 'Inte ifyllt',
    yes: 'Ja',
    no: 'Nej',
    stepOf: 'Steg {n} av {total}',
    thanks: 'Tack! Vi har tagit emot ditt ärende.',
    reference: 'Ditt ärendenummer är {reference}.',
    receivedAt: 'Mottaget {time}.',
    nextSteps: 'Vad händer nu?',
    addItem: 'Lägg till',
    removeItem: 'Ta bort',
    skipToContent: 'Gå till innehållet',
    language: 'Språk',
    logIn: 'Logga in med e-legitimation',
    logOut: 'Logga ut',
    services: 'E-tjänster',
    notFound: 'Sidan finns inte.',
    serverError: 'Något gick fel. Försök igen om en stund.',
  },
  en: {
    errorSummaryOne: 'There is 1 problem',
    errorSummary: 'There are {n} problems',
    errorPrefix: 'Error:',
    required: '(required)',
    optional: '(optional)',
    next: 'Next',
    previous: 'Previous',
    review: 'Review',
    reviewTitle: 'Check your answers',
    submit: 'Send',
    change: 'Change',
    changeField: 'Change {label}',
    notAnswered: 'Not answered',
    yes: 'Yes',
    no: 'No',
    stepOf: 'Step {n} of {total}',
    thanks: 'Thank you! We have received your case.',
    reference: 'Your case number is {reference}.',
    receivedAt: 'Received {time}.',
    nextSteps: 'What happens next?',
    addItem: 'Add',
    removeItem: 'Remove',
    skipToContent: 'Skip to content',
    language: 'Language',
    logIn: 'Log in with e-ID',
    logOut: 'Log out',
    services: 'E-services',
    notFound: 'The page does not exist.',
    serverError: 'Something went wrong. Please try again in a moment.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** The key of a generic UI string. */
export type UiTextKey = keyof (typeof MESSAGES)['sv'];

/** Fills `{name}` slots of a template; unknown slots stay as they are. */
export function fillSlots(template: string, vars: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : slot,
  );
}

/** A generic UI string in `locale` (Swedish for other locales), with `{slots}` filled from `vars`. */
export function uiText(key: UiTextKey, locale: string, vars: Record<string, unknown> = {}): string {
  const catalogue: Record<UiTextKey, string> = MESSAGES[isLocale(locale) ? locale : DEFAULT_LOCALE];
  return fillSlots(catalogue[key], vars);
}
