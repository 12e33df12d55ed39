import { randomBytes } from 'node:crypto';

/** A new status token for a case's citizen link: 144 random bits, URL-safe (24 characters). */
export function newStatusToken(): string {
  return randomBytes(18).toString('base64url');
}
