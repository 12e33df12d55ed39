/** A page of the citizen site. */
export type Route =
  | { name: 'home' }
  | { name: 'tenant'; tenant: string }
  | { name: 'service'; tenant: string; service: string }
  | { name: 'review'; tenant: string; service: string }
  | { name: 'receipt'; tenant: string; service: string; reference: string }
  | { name: 'status'; tenant: string; token: string }
  | { name: 'accessibility' }
  | { name: 'not-found' };

const SLUG = '([a-z0-9][a-z0-9-]{0,62})';
const REFERENCE = '([0-9A-Z]{4}-[0-9A-Z]{4})';
const STATUS_TOKEN = '([A-Za-z0-9_-]{20,64})';
const PATTERNS: [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/tillganglighet$/, () => ({ name: 'accessibility' })],
  [new RegExp(`^/t/${SLUG}$`), (m) => ({ name: 'tenant', tenant: m[1] ?? '' })],
  [new RegExp(`^/t/${SLUG}/e/${SLUG}$`), (m) => ({ name: 'service', tenant: m[1] ?? '', service: m[2] ?? '' })],
  [new RegExp(`^/t/${SLUG}/e/${SLUG}/granska$`), (m) => ({ name: 'review', tenant: m[1] ?? '', service: m[2] ?? '' })],
  [new RegExp(`^/t/${SLUG}/e/${SLUG}/kvitto/${REFERENCE}$`), (m) => ({ name: 'receipt', tenant: m[1] ?? '', service: m[2] ?? '', reference: m[3] ?? '' })],
  [new RegExp(`^/t/${SLUG}/status/${STATUS_TOKEN}$`), (m) => ({ name: 'status', tenant: m[1] ?? '', token: m[2] ?? '' })],
];

/** The route of a path; a trailing slash is ignored, anything unknown is "not found". */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, route] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return route(match);
  }
  return { name: 'not-found' };
}

/** A query string from parameters, `lang` first and only when not Swedish. */
function queryOf(locale: string, params: [string, string][] = []): string {
  const all: [string, string][] = locale === 'sv' ? params : [['lang', locale], ...params];
  return all.length === 0 ? '' : `?${all.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/**
 * The address of a route, keeping `?lang=en` so the language follows every link. A form's step
 * is `?steg=N` (1-based, step 1 without it); `granska=1` makes Continue return to the review.
 */
export function hrefFor(route: Route, locale: string, form: { step?: number; returnToReview?: boolean } = {}): string {
  switch (route.name) {
    case 'home':
    case 'not-found':
      return `/${queryOf(locale)}`;
    case 'accessibility':
      return `/tillganglighet${queryOf(locale)}`;
    case 'tenant':
      return `/t/${route.tenant}${queryOf(locale)}`;
    case 'service': {
      const params: [string, string][] = [];
      if (form.step !== undefined && form.step > 0) params.push(['steg', String(form.step + 1)]);
      if (form.returnToReview) params.push(['granska', '1']);
      return `/t/${route.tenant}/e/${route.service}${queryOf(locale, params)}`;
    }
    case 'review':
      return `/t/${route.tenant}/e/${route.service}/granska${queryOf(locale)}`;
    case 'receipt':
      return `/t/${route.tenant}/e/${route.service}/kvitto/${route.reference}${queryOf(locale)}`;
    case 'status':
      return `/t/${route.tenant}/status/${route.token}${queryOf(locale)}`;
  }
}

/** The page language from the query string: English with `?lang=en`, else Swedish. */
export function localeFromSearch(search: string): 'sv' | 'en' {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'sv';
}

/** The same address in another language, other query parameters kept. */
export function withLocale(pathname: string, search: string, locale: string): string {
  const params = new URLSearchParams(search);
  params.delete('lang');
  const rest = [...params.entries()];
  return `${pathname}${queryOf(locale, rest)}`;
}
