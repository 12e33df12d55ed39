import { AppError, loginFields, withLoginAnswers } from '@samform/model';
import type { JsonValue, ServiceDefinition } from '@samform/model';
import type { CitizenLogin } from '../auth/citizen-login.ts';

const MESSAGES = {
  'e-id-required': {
    sv: 'Den här e-tjänsten kräver att du loggar in med e-legitimation innan du skickar.',
    en: 'This e-service requires you to log in with e-ID before sending.',
  },
  'personnummer-required': {
    sv: 'Den här e-tjänsten behöver ett svenskt personnummer eller samordningsnummer, och din e-legitimation har inget. Kontakta kommunen för att göra ärendet på annat sätt.',
    en: 'This e-service needs a Swedish personal identity number or coordination number, and your e-ID has none. Contact the municipality to make your request another way.',
  },
} as const;

/** A citizen-facing message of the e-ID rules, in the citizen's language (Swedish unless English). */
export function eIdMessage(code: keyof typeof MESSAGES, locale: string): string {
  return MESSAGES[code][locale === 'en' ? 'en' : 'sv'];
}

/** Does this e-service need a personnummer the login cannot give? */
export function needsPersonnummer(definition: ServiceDefinition, login: CitizenLogin | null): boolean {
  return login !== null && login.personnummer === undefined && loginFields(definition).length > 0;
}

/**
 * The answers as they may be accepted for this login: `identification: "e-id"` without a login
 * is 401; an e-ID without personnummer on an e-service with a login field is 403; login fields
 * take the login's personnummer (a different one in the body is replaced, never trusted).
 * Without a login (anonymous or optional e-services) the answers are as sent.
 */
export function requireLoginFor(definition: ServiceDefinition, answers: { [key: string]: JsonValue }, login: CitizenLogin | null, locale: string): { [key: string]: JsonValue } {
  if (login === null) {
    if (definition.identification === 'e-id') throw new AppError('e-id-required', 401, eIdMessage('e-id-required', locale));
    return answers;
  }
  if (needsPersonnummer(definition, login)) throw new AppError('personnummer-required', 403, eIdMessage('personnummer-required', locale));
  return withLoginAnswers(definition, answers, login.personnummer === undefined ? {} : { personnummer: login.personnummer });
}
