/** The prefix of every field id; rjsf renders the same ids with `idPrefix: 'f'` and `idSeparator: '-'`. */
export const FORM_ID_PREFIX = 'f';

/**
 * The HTML id of a field's control from its form name: "contact.email" -> "f-contact-email",
 * "buyers.0.name" -> "f-buyers-0-name", "" (the whole form) -> "f". The server-rendered error
 * summary links to `#id`, so the id must be the one rjsf gives the same control.
 */
export function formFieldId(name: string): string {
  const segments = name === '' ? [] : name.split('.');
  // An id must not contain whitespace (HTML), which a property key could.
  return [FORM_ID_PREFIX, ...segments].join('-').replace(/\s/g, '_');
}
