import { describe, expect, it } from 'vitest';
import { matchStaffRoute, staffHref } from './staff-router.ts';

describe('the staff inbox addresses', () => {
  it('when an inbox address is read, then it names the view, and the view writes the same address back', () => {
    const routes = [
      ['/staff/t/ostersund/inkorg', { name: 'inbox', tenant: 'ostersund' }],
      ['/staff/t/ostersund/inkorg/ideer', { name: 'queue', tenant: 'ostersund', queue: 'ideer' }],
      ['/staff/t/ostersund/arenden/0b7c5c8e-1d2f-4a3b-9c4d-5e6f7a8b9c0d', { name: 'case', tenant: 'ostersund', caseId: '0b7c5c8e-1d2f-4a3b-9c4d-5e6f7a8b9c0d' }],
    ] as const;
    for (const [path, route] of routes) {
      expect(matchStaffRoute(path)).toEqual(route);
      expect(staffHref(route, 'sv')).toBe(path);
      expect(staffHref(route, 'en')).toBe(`${path}?lang=en`);
    }
  });

  it('when an inbox address has a bad or extra segment, then it is not found', () => {
    for (const path of ['/staff/t/ostersund/inkorg/Ideer', '/staff/t/ostersund/inkorg/ideer/x', '/staff/t/ostersund/arenden', '/staff/t/ostersund/arenden/a/b']) {
      expect(matchStaffRoute(path)).toEqual({ name: 'not-found' });
    }
  });
});

describe('the queue administration addresses', () => {
  it('when a queue address is read, then it names the view and writes the same address back; bad segments are not found', () => {
    const routes = [
      ['/staff/t/ostersund/koer', { name: 'queues', tenant: 'ostersund' }],
      ['/staff/t/ostersund/koer/va', { name: 'queue-settings', tenant: 'ostersund', queue: 'va' }],
    ] as const;
    for (const [path, route] of routes) {
      expect(matchStaffRoute(path)).toEqual(route);
      expect(staffHref(route, 'en')).toBe(`${path}?lang=en`);
    }
    for (const path of ['/staff/t/ostersund/koer/VA', '/staff/t/ostersund/koer/va/x']) expect(matchStaffRoute(path)).toEqual({ name: 'not-found' });
  });
});

describe('the platform page address', () => {
  it('when /staff/plattform is read, then it is the platform page, written back the same; with more after it, not found', () => {
    expect(matchStaffRoute('/staff/plattform')).toEqual({ name: 'platform' });
    expect(staffHref({ name: 'platform' }, 'sv')).toBe('/staff/plattform');
    expect(staffHref({ name: 'platform' }, 'en')).toBe('/staff/plattform?lang=en');
    expect(matchStaffRoute('/staff/plattform/x')).toEqual({ name: 'not-found' });
  });
});
