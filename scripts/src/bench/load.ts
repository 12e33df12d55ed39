import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { percentile } from './stats.ts';

/** What a load run measured. */
export interface LoadResult {
  /** Successful (2xx) answers per second over the run. */
  rate: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/** One POST of a JSON body; `paths` are taken in turn (one per tenant, say). */
export interface Target {
  origin: string;
  paths: readonly string[];
  body: string;
}

/**
 * Closed-loop load at a fixed concurrency with autocannon, bounded by `seconds` and `maxRequests`.
 * Only 2xx answers count toward the rate.
 */
export async function loadAtConcurrency(target: Target, options: { connections: number; seconds: number; maxRequests: number }): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: target.origin,
    connections: options.connections,
    duration: options.seconds,
    maxOverallRequests: options.maxRequests,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: target.body,
        setupRequest: (req) => ({ ...req, path: target.paths[next++ % target.paths.length]! }),
      },
    ],
  });
  const ok = result['2xx'];
  return { rate: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, ok, failed: result.non2xx + result.errors + result.timeouts };
}

/**
 * Open-loop load: requests start at evenly spaced times (`rate` per second) whether or not
 * earlier ones have answered, for `seconds`. Latency is from each request's planned start, so a
 * server that falls behind is charged for the wait. (autocannon's own rate limit sends each
 * second's quota in one burst, which measures full load, not half.)
 */
export async function loadAtRate(target: Target, options: { rate: number; seconds: number }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(target.origin);
  const count = Math.max(1, Math.floor(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const planned = start + i * interval;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const path = target.paths[i % target.paths.length]!;
    pending.push(
      post(agent, url, path, target.body).then(
        (status) => {
          if (status >= 200 && status < 300) latencies.push(performance.now() - planned);
          else failed++;
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return { rate: latencies.length / elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), ok: latencies.length, failed };
}

function post(agent: Agent, origin: URL, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: origin.hostname, port: origin.port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
