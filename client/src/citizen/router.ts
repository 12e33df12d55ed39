/** A page of the citizen site. */
export type Route =
  | { name: 'home' }
  | { name: 'tenant'; tenant: string }
  | { name: 'service'; tenant: string; service: string }
  | { name: 'receipt'; tenant: string; service: string }
  | { name: 'accessibility' }
  | { name: 'not-found' };

const SLUG = '([a-z0-9][a-z0-9-]{0,62})';
const PATTERNS: [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/tillganglighet$/, () => ({ name: 'accessibility' })],
  [new RegExp(`^/t/${SLUG}$`), (m) => ({ name: 'tenant', tenant: m[1] ?? '' })],
  [new RegExp(`^/t/${SLUG}/e/${SLUG}$`), (m) => ({ name: 'service', tenant: m[1] ?? '', service: m[2] ?? '' })],
  [new RegExp(`^/t/${SLUG}/e/${SLUG}/kvitto$`), (m) => ({ name: 'receipt', tenant: m[1] ?? '', service: m[2] ?? '' })],
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

/** The path of a route, keeping `?lang=en` so the language follows every link. */
export function hrefFor(route: Route, locale: string): string {
  const query = locale === 'sv' ? '' : `?lang=${encodeURIComponent(locale)}`;
  switch (route.name) {
    case 'home':
    case 'not-found':
      return `/${query}`;
    case 'accessibility':
      return `/tillganglighet${query}`;
    case 'tenant':
      return `/t/${route.tenant}${query}`;
    case 'service':
      return `/t/${route.tenant}/e/${route.service}${query}`;
    case 'receipt':
      return `/t/${route.tenant}/e/${route.service}/kvitto${query}`;
  }
}

/** The page language from the query string: English with `?lang=en`, else Swedish. */
export function localeFromSearch(search: string): 'sv' | 'en' {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'sv';
}
