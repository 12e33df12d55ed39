/** The longest wait between two attempts, so a recovered receiver is not left waiting for days. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * Exponential back-off with full jitter: a random wait in [0, min(cap, base * 2^(attempt-1))].
 * Full jitter spreads the retries of many failed cases so a recovering receiver is not hit by
 * them all at once. `random` is injectable for tests.
 */
export function retryDelay(attempt: number, baseMs: number, random: () => number = Math.random, capMs = Math.max(baseMs, MAX_RETRY_DELAY_MS)): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.floor(random() * ceiling);
}
