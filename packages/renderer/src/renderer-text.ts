import type { Locale } from '@samform/model';

/** The renderer's own UI strings: everything a form page says that no definition supplies. */
export const RENDERER_TEXT = {
  sv: {
    required: '(obligatoriskt)',
    errorPrefix: 'Fel:',
    errorTitlePrefix: 'Fel: ',
    errorSummary: (n: number) => (n === 1 ? 'Det finns 1 fel' : `Det finns ${n} fel`),
    stepOf: (i: number, n: number) => `Steg ${i} av ${n}`,
    next: 'Fortsätt',
    back: 'Tillbaka',
    review: 'Kontrollera dina svar',
    reviewIntro: 'Kontrollera att dina svar stämmer innan du skickar.',
    change: 'Ändra',
    send: 'Skicka',
    sending: 'Skickar…',
    sent: 'Skickat',
    sendFailed: 'Det gick inte att skicka. Försök igen om en stund.',
    notAnswered: 'Inte ifyllt',
    yes: 'Ja',
    no: 'Nej',
    dateHint: 'Skriv datumet som åååå-mm-dd, till exempel 2025-06-30.',
    add: (what: string) => `Lägg till ${what}`.trim(),
    remove: (what: string) => `Ta bort ${what}`.trim(),
    item: (what: string, n: number) => `${what} ${n}`.trim(),
    chooseOne: 'Välj',
    privacy: 'Om dina uppgifter',
    receiptTitle: 'Tack, vi har tagit emot ditt ärende',
    receiptReference: 'Ditt referensnummer',
    receiptReceived: 'Mottaget',
    receiptNext: 'Vad händer nu',
    receiptKeep: 'Spara referensnumret. Du behöver det om du kontaktar oss om ärendet.',
    receiptDefaultNext: 'Vi handlägger ditt ärende och hör av oss om vi behöver veta mer.',
  },
  en: {
    required: '(required)',
    errorPrefix: 'Error:',
    errorTitlePrefix: 'Error: ',
    errorSummary: (n: number) => (n === 1 ? 'There is 1 error' : `There are ${n} errors`),
    stepOf: (i: number, n: number) => `Step ${i} of ${n}`,
    next: 'Continue',
    back: 'Back',
    review: 'Check your answers',
    reviewIntro: 'Check that your answers are right before you send them.',
    change: 'Change',
    send: 'Send',
    sending: 'Sending…',
    sent: 'Sent',
    sendFailed: 'The form could not be sent. Please try again in a moment.',
    notAnswered: 'Not answered',
    yes: 'Yes',
    no: 'No',
    dateHint: 'Enter the date as yyyy-mm-dd, for example 2025-06-30.',
    add: (what: string) => `Add ${what}`.trim(),
    remove: (what: string) => `Remove ${what}`.trim(),
    item: (what: string, n: number) => `${what} ${n}`.trim(),
    chooseOne: 'Choose',
    privacy: 'About your information',
    receiptTitle: 'Thank you, we have received your case',
    receiptReference: 'Your reference number',
    receiptReceived: 'Received',
    receiptNext: 'What happens next',
    receiptKeep: 'Keep the reference number. You need it if you contact us about the case.',
    receiptDefaultNext: 'We will handle your case and contact you if we need to know more.',
  },
} as const;

/** The renderer strings of one locale. */
export type RendererText = (typeof RENDERER_TEXT)[Locale];

/** The renderer strings for a locale (Swedish for any locale without its own). */
export function rendererText(locale: string): RendererText {
  return locale === 'en' ? RENDERER_TEXT.en : RENDERER_TEXT.sv;
}
