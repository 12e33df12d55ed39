import { luhnValid } from './luhn.ts';

// NNNNNN-NNNN or ten digits; the "16" century prefix some registers use is accepted too.
const PATTERN = /^(?:16)?(\d{6})-?(\d{4})$/;

/** True for a valid organisationsnummer: Luhn over the ten digits, third digit at least 2. */
export function isOrganisationsnummer(value: string): boolean {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const digits = `${m[1]}${m[2]}`;
  // The third ("month") digit is 2 or more, so it can never be read as a personnummer.
  return Number(digits[2]) >= 2 && luhnValid(digits);
}
