import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('when a key reaches its limit, then it waits until its window ends, and may act again after', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000 }, () => now);
    expect(limiter.blockedFor('a')).toBe(0);
    limiter.hit('a');
    limiter.hit('a');
    expect(limiter.blockedFor('a')).toBe(60);
    expect(limiter.blockedFor('b')).toBe(0);
    now += 59_500;
    expect(limiter.blockedFor('a')).toBe(1);
    now += 500;
    expect(limiter.blockedFor('a')).toBe(0);
    limiter.hit('a');
    expect(limiter.blockedFor('a')).toBe(0);
  });
});
