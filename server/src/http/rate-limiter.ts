/** How many events a key may have within a window. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

interface Window {
  count: number;
  resetAt: number;
}

// Enough for every client of a busy municipality; past it the oldest windows are dropped first,
// so a flood of fresh addresses costs memory only up to this bound.
const MAX_KEYS = 100_000;

/**
 * Fixed-window counters in this process's memory (ADR 0011): `blockedFor` asks, `hit` counts.
 * Asking and counting are apart so that a login counts only when it fails.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly rule: RateRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may act again; 0 when it may act now. */
  blockedFor(key: string): number {
    const window = this.live(key);
    if (window === undefined || window.count < this.rule.limit) return 0;
    return Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
  }

  /** Count one event for `key`. */
  hit(key: string): void {
    const now = this.now();
    const window = this.live(key);
    if (window !== undefined) {
      window.count += 1;
      return;
    }
    if (this.windows.size >= MAX_KEYS) this.sweep(now);
    this.windows.set(key, { count: 1, resetAt: now + this.rule.windowMs });
  }

  private live(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window === undefined) return undefined;
    if (window.resetAt > this.now()) return window;
    this.windows.delete(key);
    return undefined;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full: drop the oldest tenth (a Map iterates in insertion order).
    if (this.windows.size >= MAX_KEYS) {
      let drop = Math.ceil(MAX_KEYS / 10);
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}
