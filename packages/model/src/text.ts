import { LOCALES, type Locale, type LocalText } from './definition.ts';

/** The text in `locale`, falling back to Swedish; empty when there is no text at all. */
export function text(t: LocalText | undefined, locale: string): string {
  if (t === undefined) return '';
  return t[locale] ?? t.sv;
}

/** True for a locale the UI is fully translated to. */
export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}
