import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.ts';

describe('the hardening settings', () => {
  it('when nothing is set, then the default limits and a 30-minute idle time-out', () => {
    expect(readConfig({})).toMatchObject({
      staffIdleMs: 30 * 60_000,
      rateLimits: {
        loginPerAddressAndUser: { limit: 10, windowMs: 900_000 },
        loginPerAddress: { limit: 30, windowMs: 900_000 },
        submitPerAddress: { limit: 60, windowMs: 60_000 },
        submitPerTenant: { limit: 600, windowMs: 60_000 },
      },
    });
  });

  it('when SAMFORM_RATE_LIMIT_* and SAMFORM_STAFF_IDLE_MINUTES are set, then they are used', () => {
    const config = readConfig({
      SAMFORM_RATE_LIMIT_LOGIN_PER_IP: '5',
      SAMFORM_RATE_LIMIT_LOGIN_PER_IP_USER: '3',
      SAMFORM_RATE_LIMIT_LOGIN_WINDOW_SECONDS: '60',
      SAMFORM_RATE_LIMIT_SUBMIT_PER_IP: '1000',
      SAMFORM_RATE_LIMIT_SUBMIT_PER_TENANT: '20000',
      SAMFORM_RATE_LIMIT_SUBMIT_WINDOW_SECONDS: '10',
      SAMFORM_STAFF_IDLE_MINUTES: '15',
    });
    expect(config.rateLimits).toEqual({
      loginPerAddressAndUser: { limit: 3, windowMs: 60_000 },
      loginPerAddress: { limit: 5, windowMs: 60_000 },
      submitPerAddress: { limit: 1000, windowMs: 10_000 },
      submitPerTenant: { limit: 20000, windowMs: 10_000 },
    });
    expect(config.staffIdleMs).toBe(15 * 60_000);
  });

  it('when a limit is not a whole number from 1, then the server refuses to start and says which', () => {
    expect(() => readConfig({ SAMFORM_RATE_LIMIT_SUBMIT_PER_IP: '0', SAMFORM_STAFF_IDLE_MINUTES: 'ten' })).toThrow(ConfigError);
    try {
      readConfig({ SAMFORM_RATE_LIMIT_SUBMIT_PER_IP: '0', SAMFORM_STAFF_IDLE_MINUTES: 'ten' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringContaining('SAMFORM_RATE_LIMIT_SUBMIT_PER_IP'), expect.stringContaining('SAMFORM_STAFF_IDLE_MINUTES')]);
    }
  });
});
