import { describe, expect, test } from 'vitest';
import { hrefFor, localeFromSearch, matchRoute } from './router.ts';

describe('router', () => {
  test('when a path names a page, then it matches that route with its parameters', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/t/ostersund')).toEqual({ name: 'tenant', tenant: 'ostersund' });
    expect(matchRoute('/t/ostersund/')).toEqual({ name: 'tenant', tenant: 'ostersund' });
    expect(matchRoute('/t/ostersund/e/lamna-din-ide')).toEqual({ name: 'service', tenant: 'ostersund', service: 'lamna-din-ide' });
    expect(matchRoute('/t/ostersund/e/lamna-din-ide/kvitto')).toEqual({ name: 'receipt', tenant: 'ostersund', service: 'lamna-din-ide' });
    expect(matchRoute('/tillganglighet')).toEqual({ name: 'accessibility' });
  });

  test('when a path is unknown or malformed, then it is "not found"', () => {
    expect(matchRoute('/t/')).toEqual({ name: 'not-found' });
    expect(matchRoute('/t/Östersund')).toEqual({ name: 'not-found' });
    expect(matchRoute('/t/ostersund/e/x/y')).toEqual({ name: 'not-found' });
    expect(matchRoute('/api/tenants')).toEqual({ name: 'not-found' });
  });

  test('when building links, then English keeps ?lang=en and each route round-trips', () => {
    const route = { name: 'receipt', tenant: 'are', service: 'felanmalan' } as const;
    expect(hrefFor(route, 'sv')).toBe('/t/are/e/felanmalan/kvitto');
    expect(hrefFor(route, 'en')).toBe('/t/are/e/felanmalan/kvitto?lang=en');
    expect(matchRoute(hrefFor(route, 'sv'))).toEqual(route);
    expect(localeFromSearch('?lang=en')).toBe('en');
    expect(localeFromSearch('?lang=xx')).toBe('sv');
  });
});
