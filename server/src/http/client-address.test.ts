import { describe, expect, it } from 'vitest';
import type { Request } from 'express';
import { clientAddress } from './client-address.ts';

const of = (ip: string) => clientAddress({ ip, socket: {} } as unknown as Request);

describe('clientAddress', () => {
  it('when the peer is IPv4 or IPv4-mapped IPv6, then the IPv4 address', () => {
    expect(of('203.0.113.7')).toBe('203.0.113.7');
    expect(of('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('when the peer is IPv6, then its /64, so one host cannot rotate addresses within its prefix', () => {
    expect(of('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(of('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(of('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(of('::1')).toBe('0:0:0:0::/64');
  });
});
