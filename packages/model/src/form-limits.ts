/** How much of a posted form is read; the rest is ignored and reported as a `limit` problem. */
export const FORM_LIMITS = {
  /** Entries read from one post, including the server's own `_` keys. */
  entries: 1000,
  /** Items read into one array field. */
  items: 100,
  /** Characters of one value; a longer value is ignored. */
  characters: 100_000,
} as const;

/** Keys that would reach an object's prototype when written, never read from a form. */
export const FORBIDDEN_FORM_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
