import { randomInt } from 'node:crypto';

// Crockford base32: no I, L, O or U, so a reference read aloud on the phone is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh receipt reference, `XXXX-XXXX` (40 random bits). */
export function newReference(): string {
  let chars = '';
  for (let i = 0; i < 8; i++) chars += ALPHABET[randomInt(ALPHABET.length)];
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}
