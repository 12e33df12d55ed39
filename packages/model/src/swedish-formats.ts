import { isOrganisationsnummer } from './organisationsnummer.ts';
import { isPersonnummer } from './personnummer.ts';

/** True for a Swedish postnummer: five digits, optionally `831 82`; none starts with 0. */
export function isPostnummer(value: string): boolean {
  return /^[1-9]\d{2} ?\d{2}$/.test(value);
}

/**
 * True for a Swedish phone number as people write it: `070-123 45 67`, `+46 70 123 45 67`,
 * `063-14 30 00`. Spaces and dashes are ignored; the national form has 7 to 13 digits.
 */
export function isTelefonnummer(value: string): boolean {
  if (!/^\+?\d[\d -]*\d$/.test(value)) return false;
  let digits = value.replace(/[ -]/g, '');
  if (digits.startsWith('+46')) digits = `0${digits.slice(3).replace(/^0/, '')}`;
  else if (digits.startsWith('0046')) digits = `0${digits.slice(4).replace(/^0/, '')}`;
  else if (digits.startsWith('+')) return false;
  return /^0[1-9]\d{5,11}$/.test(digits);
}

// District ("Östersund"), block name of one or more words ("Arvesgården", "Stora Ås"),
// then block:unit ("4:12"). Latin letters cover å, ä, ö and the Sami and Finnish letters.
const FASTIGHET = /^\p{Script=Latin}[\p{Script=Latin}:'.-]*(?: \p{Script=Latin}[\p{Script=Latin}:'.-]*)+ \d{1,5}:\d{1,5}$/u;

/** True for a fastighetsbeteckning such as "Östersund Arvesgården 4:12" or "Krokom Ås 1:23". */
export function isFastighetsbeteckning(value: string): boolean {
  return value.length <= 120 && FASTIGHET.test(value);
}

/** The Swedish string formats, as ajv format functions. */
export const swedishFormats = {
  personnummer: isPersonnummer,
  organisationsnummer: isOrganisationsnummer,
  postnummer: isPostnummer,
  telefonnummer: isTelefonnummer,
  fastighetsbeteckning: isFastighetsbeteckning,
} as const satisfies Record<string, (value: string) => boolean>;

/** The name of a Swedish format. */
export type SwedishFormat = keyof typeof swedishFormats;
