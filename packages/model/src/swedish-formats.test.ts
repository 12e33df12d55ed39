import { describe, expect, test } from 'vitest';
import { isOrganisationsnummer } from './organisationsnummer.ts';
import { isPersonnummer, maskPersonnummer, normalizePersonnummer } from './personnummer.ts';
import { isFastighetsbeteckning, isPostnummer, isTelefonnummer } from './swedish-formats.ts';
import { luhnValid } from './luhn.ts';

describe('personnummer', () => {
  test.each([
    ['19121212-1212', true],
    ['191212121212', true],
    ['121212-1212', true],
    ['121212+1212', true],
    ['1212121212', true],
    ['701063-2391', true], // samordningsnummer: day 63 = 3 + 60
    ['19701063-2391', true],
    ['20000229-1235', true], // 2000 was a leap year
    ['20040229-4565', true],
    ['19990131-9872', true],
    ['19121212-1213', false], // check digit
    ['19990230-1234', false], // no 30 February
    ['19000229-1235', false], // 1900 was not a leap year; the check digit is right
    ['20050229-4564', false],
    ['20000229-0005', false], // serial 000
    ['19121312-1212', false], // month 13
    ['19121292-1212', false], // day 92 is no samordningsnummer either
    ['19121212+1212', false], // + only in the 10-digit form
    ['1912-12-12-1212', false],
    ['19121212 1212', false],
    ['', false],
    ['abcdefghijkl', false],
  ])('%s is %s', (value, valid) => {
    expect(isPersonnummer(value)).toBe(valid);
  });

  test('normalises to twelve digits, with the century of someone under 100 (or over with +)', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(normalizePersonnummer('19121212-1212', now)).toBe('191212121212');
    expect(normalizePersonnummer('121212-1212', now)).toBe('201212121212');
    expect(normalizePersonnummer('121212+1212', now)).toBe('191212121212');
    expect(normalizePersonnummer('551231-0011', now)).toBe('195512310011');
    expect(normalizePersonnummer('551231+0011', now)).toBe('185512310011');
    expect(normalizePersonnummer('701063-2391', now)).toBe('197010632391');
    expect(normalizePersonnummer(' 19121212-1212 ', now)).toBe('191212121212');
    expect(normalizePersonnummer('19121212-1213', now)).toBeNull();
  });

  test('masks all but the date, and everything of an invalid number', () => {
    expect(maskPersonnummer('19121212-1212')).toBe('19121212-****');
    expect(maskPersonnummer('191212121212')).toBe('19121212-****');
    expect(maskPersonnummer('19121212-1213')).toBe('********-****');
  });
});

test.each([
  ['556016-0680', true],
  ['5560160680', true],
  ['16556016-0680', true],
  ['202100-5273', true],
  ['802002-4488', true],
  ['556703-7485', true],
  ['556016-0681', false], // check digit
  ['551016-0681', false], // Luhn right, but the third digit is 1: that is a personnummer
  ['121212-1212', false],
  ['556016-068', false],
  ['556016/0680', false],
])('organisationsnummer %s is %s', (value, valid) => {
  expect(isOrganisationsnummer(value)).toBe(valid);
});

test.each([
  ['831 82', true],
  ['83182', true],
  ['114 55', true],
  ['031 82', false],
  ['8318', false],
  ['831 822', false],
  ['83 182', false],
  ['831-82', false],
])('postnummer %s is %s', (value, valid) => {
  expect(isPostnummer(value)).toBe(valid);
});

test.each([
  ['070-123 45 67', true],
  ['0701234567', true],
  ['+46 70 123 45 67', true],
  ['+46701234567', true],
  ['0046 70 123 45 67', true],
  ['+46 (0)70 123 45 67', false],
  ['063-14 30 00', true],
  ['08-123 456', true],
  ['070-174 06 50', true],
  ['12345', false],
  ['070 12', false],
  ['+1 555 123 4567', false],
  ['070-123 45 67 89 01 23', false],
  ['070-123 45 6a', false],
  ['00-123 45 67', false],
  ['', false],
])('telefonnummer %s is %s', (value, valid) => {
  expect(isTelefonnummer(value)).toBe(valid);
});

test.each([
  ['Östersund Arvesgården 4:12', true],
  ['Krokom Ås 1:23', true],
  ['Timrå Vivsta 3:14', true],
  ['Berg Myssjö-Ede 1:5', true],
  ['Örnsköldsvik Gullänget 11:102', true],
  ['Härjedalen Funäsdalen Övre 2:7', true],
  ['Östersund Arvesgården', false],
  ['Ås 1:23', false],
  ['Östersund Arvesgården 4', false],
  ['Östersund Arvesgården 4:12a', false],
  ['Östersund  4:12', false],
  ['1234 5678 4:12', false],
])('fastighetsbeteckning %s is %s', (value, valid) => {
  expect(isFastighetsbeteckning(value)).toBe(valid);
});

test('luhn rejects non-digits and empty input', () => {
  expect(luhnValid('1212121212')).toBe(true);
  expect(luhnValid('1212121213')).toBe(false);
  expect(luhnValid('12121212a2')).toBe(false);
  expect(luhnValid('')).toBe(false);
});
