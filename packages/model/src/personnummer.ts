import { luhnValid } from './luhn.ts';

// YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC, YYYYMMDD-NNNC (Skatteverket SKV 704).
const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The 12-digit form YYYYMMDDNNNC of a personnummer or samordningsnummer, or null when it is
 * not one. A 10-digit number gets the century that makes the person under 100 years old at
 * `now` (over 100 with `+`), as Skatteverket writes it.
 */
export function normalizePersonnummer(value: string, now: Date = new Date()): string | null {
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const [, century, yy = '', mm = '', dd = '', sep = '', serial = '', check = ''] = m;
  let year: number;
  if (century !== undefined) {
    if (sep === '+') return null;
    year = Number(century + yy);
  } else {
    const thisYear = now.getFullYear();
    year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (year > thisYear) year -= 100;
    if (sep === '+') year -= 100;
  }
  const month = Number(mm);
  let day = Number(dd);
  // A samordningsnummer adds 60 to the day of birth.
  if (day > 60) day -= 60;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (serial === '000') return null;
  if (!luhnValid(`${yy}${mm}${dd}${serial}${check}`)) return null;
  return `${String(year).padStart(4, '0')}${mm}${dd}${serial}${check}`;
}

/** True for a valid personnummer or samordningsnummer (date exists, Luhn check digit). */
export function isPersonnummer(value: string): boolean {
  return normalizePersonnummer(value) !== null;
}

/** `19121212-****`: the date part only, for staff lists; anything invalid is masked whole. */
export function maskPersonnummer(value: string): string {
  const normal = normalizePersonnummer(value);
  if (normal === null) return value.replace(/\d/g, '*');
  return `${normal.slice(0, 8)}-****`;
}
