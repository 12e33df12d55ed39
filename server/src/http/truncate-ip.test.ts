import { describe, expect, it } from 'vitest';
import { truncateIp } from './truncate-ip.ts';

describe('truncateIp', () => {
  it('cuts IPv4 to /24, IPv4-mapped IPv6 likewise, and IPv6 to /48', () => {
    expect(truncateIp('192.0.2.77')).toBe('192.0.2.0');
    expect(truncateIp('::ffff:203.0.113.9')).toBe('203.0.113.0');
    expect(truncateIp('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::');
    expect(truncateIp('2001:db8::1')).toBe('2001:db8:0::');
    expect(truncateIp('::1')).toBe('0:0:0::');
  });

  it('gives nothing for no address or something that is not one', () => {
    expect(truncateIp(undefined)).toBeUndefined();
    expect(truncateIp('not-an-ip')).toBeUndefined();
  });
});
