import { useEffect, useState } from 'react';
import type { MouseEvent } from 'react';

/** A staff page: the start (login, or the choice of organisation), a tenant's e-services, or the designer. */
export type StaffRoute =
  | { name: 'home' }
  | { name: 'services'; tenant: string }
  | { name: 'designer'; tenant: string; service: string }
  | { name: 'shared'; tenant: string }
  | { name: 'inbox'; tenant: string }
  | { name: 'queue'; tenant: string; queue: string }
  | { name: 'case'; tenant: string; caseId: string }
  | { name: 'queues'; tenant: string }
  | { name: 'queue-settings'; tenant: string; queue: string }
  | { name: 'people' | 'keys' | 'audit'; tenant: string }
  | { name: 'platform' }
  | { name: 'not-found' };

/** The tenant administration views, each at /staff/t/{tenant}/{name}. */
export const ADMIN_VIEWS = ['people', 'keys', 'audit'] as const;

const SEGMENT = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The route of an address under /staff. */
export function matchStaffRoute(pathname: string): StaffRoute {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (parts[0] !== 'staff') return { name: 'not-found' };
  const [, t, tenant, e, service, ...rest] = parts;
  if (t === undefined) return { name: 'home' };
  // The platform administrators' page (tenants themselves): /staff/plattform.
  if (t === 'plattform' && tenant === undefined) return { name: 'platform' };
  if (t !== 't' || tenant === undefined || !SEGMENT.test(tenant)) return { name: 'not-found' };
  if (e === undefined) return { name: 'services', tenant };
  if (e === 'shared' && service === undefined) return { name: 'shared', tenant };
  // The inbox (issue 7): /inkorg, /inkorg/{queue}, /arenden/{case id}.
  if (e === 'inkorg' && service === undefined) return { name: 'inbox', tenant };
  if (e === 'inkorg' && SEGMENT.test(service ?? '') && rest.length === 0) return { name: 'queue', tenant, queue: service ?? '' };
  if (e === 'arenden' && SEGMENT.test(service ?? '') && rest.length === 0) return { name: 'case', tenant, caseId: service ?? '' };
  // Queue administration (issue 7): /koer, /koer/{queue}.
  if (e === 'koer' && service === undefined) return { name: 'queues', tenant };
  if (e === 'koer' && SEGMENT.test(service ?? '') && rest.length === 0) return { name: 'queue-settings', tenant, queue: service ?? '' };
  const view = ADMIN_VIEWS.find((v) => v === e);
  if (view !== undefined && service === undefined) return { name: view, tenant };
  if (e !== 'e' || service === undefined || !SEGMENT.test(service) || rest.length > 0) return { name: 'not-found' };
  return { name: 'designer', tenant, service };
}

/** The address of a staff page in a locale (Swedish has no `lang` parameter, as on the citizen side). */
export function staffHref(route: StaffRoute, locale: string): string {
  const query = locale === 'en' ? '?lang=en' : '';
  switch (route.name) {
    case 'home':
    case 'not-found':
      return `/staff${query}`;
    case 'platform':
      return `/staff/plattform${query}`;
    case 'services':
      return `/staff/t/${route.tenant}${query}`;
    case 'designer':
      return `/staff/t/${route.tenant}/e/${route.service}${query}`;
    case 'shared':
      return `/staff/t/${route.tenant}/shared${query}`;
    case 'inbox':
      return `/staff/t/${route.tenant}/inkorg${query}`;
    case 'queue':
      return `/staff/t/${route.tenant}/inkorg/${route.queue}${query}`;
    case 'case':
      return `/staff/t/${route.tenant}/arenden/${route.caseId}${query}`;
    case 'queues':
      return `/staff/t/${route.tenant}/koer${query}`;
    case 'queue-settings':
      return `/staff/t/${route.tenant}/koer/${route.queue}${query}`;
    case 'people':
    case 'keys':
    case 'audit':
      return `/staff/t/${route.tenant}/${route.name}${query}`;
  }
}

/** The locale an address asks for. */
export function localeOfSearch(search: string): 'sv' | 'en' {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'sv';
}

const CHANGE = 'samform:staff-navigate';

/** Go to an address within the staff app without a reload. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
}

/** A plain left click on a link: handled in the page; other clicks (new tab) are left to the browser. */
export function onStaffLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.defaultPrevented) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/staff');
}

/** The current address, following in-app navigation and the browser's back and forward. */
export function useLocation(): { pathname: string; search: string; n: number } {
  const read = () => ({ pathname: window.location.pathname, search: window.location.search });
  const [location, setLocation] = useState(() => ({ ...read(), n: 0 }));
  useEffect(() => {
    const update = () => setLocation((previous) => ({ ...read(), n: previous.n + 1 }));
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return location;
}
