import { describe, expect, test } from 'vitest';
import { hrefFor, localeFromSearch, matchRoute, withLocale } from './router.ts';

describe('router', () => {
  test('when a path names a page, then it matches that route with its parameters', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/t/ostersund')).toEqual({ name: 'tenant', tenant: 'ostersund' });
    expect(matchRoute('/t/ostersund/')).toEqual({ name: 'tenant', tenant: 'ostersund' });
    expect(matchRoute('/t/ostersund/e/lamna-din-ide')).toEqual({ name: 'service', tenant: 'ostersund', service: 'lamna-din-ide' });
    expect(matchRoute('/t/ostersund/e/lamna-din-ide/granska')).toEqual({ name: 'review', tenant: 'ostersund', service: 'lamna-din-ide' });
    expect(matchRoute('/t/ostersund/e/lamna-din-ide/kvitto/AB12-CD34')).toEqual({ name: 'receipt', tenant: 'ostersund', service: 'lamna-din-ide', reference: 'AB12-CD34' });
    expect(matchRoute('/tillganglighet')).toEqual({ name: 'accessibility' });
  });

  test('when a path is unknown or malformed, then it is "not found"', () => {
    expect(matchRoute('/t/')).toEqual({ name: 'not-found' });
    expect(matchRoute('/t/Östersund')).toEqual({ name: 'not-found' });
    expect(matchRoute('/t/ostersund/e/x/y')).toEqual({ name: 'not-found' });
    expect(matchRoute('/t/ostersund/e/x/kvitto/nope')).toEqual({ name: 'not-found' });
    expect(matchRoute('/api/tenants')).toEqual({ name: 'not-found' });
  });

  test('when building links, then English keeps ?lang=en and each route round-trips', () => {
    const route = { name: 'receipt', tenant: 'are', service: 'felanmalan', reference: 'AB12-CD34' } as const;
    expect(hrefFor(route, 'sv')).toBe('/t/are/e/felanmalan/kvitto/AB12-CD34');
    expect(hrefFor(route, 'en')).toBe('/t/are/e/felanmalan/kvitto/AB12-CD34?lang=en');
    expect(matchRoute(hrefFor(route, 'sv'))).toEqual(route);
    expect(localeFromSearch('?lang=en')).toBe('en');
    expect(localeFromSearch('?lang=xx')).toBe('sv');
  });

  test('when linking to a step, then it is ?steg=N (1-based) with granska=1 on the way back to the review', () => {
    const service = { name: 'service', tenant: 'ostersund', service: 'lamna-din-ide' } as const;
    expect(hrefFor(service, 'sv', { step: 0 })).toBe('/t/ostersund/e/lamna-din-ide');
    expect(hrefFor(service, 'en', { step: 2, returnToReview: true })).toBe('/t/ostersund/e/lamna-din-ide?lang=en&steg=3&granska=1');
    expect(withLocale('/t/ostersund/e/lamna-din-ide', '?steg=2', 'en')).toBe('/t/ostersund/e/lamna-din-ide?lang=en&steg=2');
    expect(withLocale('/t/ostersund', '?lang=en', 'sv')).toBe('/t/ostersund');
  });
});
