import { exampleAnswers } from '@samform/forms';
import type { Child } from './child-process.ts';
import { loadAtConcurrency, loadAtRate } from './load.ts';
import type { LoadResult, Target } from './load.ts';
import type { ServerStats } from './server-setup.ts';
import { median } from './stats.ts';
import type { Row } from './table.ts';

/** Connections held open by the closed-loop runs. */
export const CONNECTIONS = 10;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const MAX_REQUESTS = 50_000;

/** The idea form's example answers as the citizen page would post them. */
export function ideaBody(): string {
  return JSON.stringify({ data: exampleAnswers('ostersund', 'lamna-din-ide') });
}

/** Send one request and insist on a 201: a benchmark of error answers measures nothing. */
export async function checkTarget(target: Target): Promise<void> {
  for (const path of new Set(target.paths)) {
    const response = await fetch(`${target.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: target.body });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  }
}

/** Closed-loop rounds (after a warm-up) with the medians of rate and latency. */
export async function medianLoad(target: Target, rounds = ROUNDS): Promise<LoadResult> {
  const results: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) results.push(await loadAtConcurrency(target, { connections: CONNECTIONS, seconds: ROUND_SECONDS, maxRequests: MAX_REQUESTS }));
  return summarize(results);
}

function summarize(results: LoadResult[]): LoadResult {
  return {
    rate: median(results.map((r) => r.rate)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    ok: results.reduce((sum, r) => sum + r.ok, 0),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
  };
}

/**
 * Measurement 1: Samform's submit route (validated, committed with fsync, queued) against an
 * Express echo of the same JSON, alternating rounds so both meet the same machine load; then
 * Samform's p99 at half of its measured maximum rate.
 */
export async function measureSubmitPath(samform: Child, echo: Child, log: (line: string) => void): Promise<{ rows: Row[]; compiledDuringLoad: number }> {
  const body = ideaBody();
  const samformTarget: Target = { origin: samform.url, paths: ['/api/t/ostersund/services/lamna-din-ide/submissions'], body };
  const echoTarget: Target = { origin: echo.url, paths: ['/echo'], body };
  await checkTarget(samformTarget);
  await checkTarget(echoTarget);
  const before = await samform.ask<ServerStats>('stats', 'stats');

  // Warm-up: JIT, SQLite page cache, sockets.
  await loadAtConcurrency(echoTarget, { connections: CONNECTIONS, seconds: 2, maxRequests: MAX_REQUESTS });
  await loadAtConcurrency(samformTarget, { connections: CONNECTIONS, seconds: 2, maxRequests: MAX_REQUESTS });

  const echoRuns: LoadResult[] = [];
  const samformRuns: LoadResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    echoRuns.push(await loadAtConcurrency(echoTarget, { connections: CONNECTIONS, seconds: ROUND_SECONDS, maxRequests: MAX_REQUESTS }));
    samformRuns.push(await loadAtConcurrency(samformTarget, { connections: CONNECTIONS, seconds: ROUND_SECONDS, maxRequests: MAX_REQUESTS }));
    log(`  round ${i + 1}: echo ${echoRuns.at(-1)!.rate.toFixed(0)}/s, Samform ${samformRuns.at(-1)!.rate.toFixed(0)}/s`);
  }
  const echoResult = summarize(echoRuns);
  const samformResult = summarize(samformRuns);
  const half = await loadAtRate(samformTarget, { rate: samformResult.rate / 2, seconds: 6 });
  const echoHalf = await loadAtRate(echoTarget, { rate: samformResult.rate / 2, seconds: 6 });
  const after = await samform.ask<ServerStats>('stats', 'stats');
  const failures = samformResult.failed + half.failed;
  const note = failures > 0 ? `, ${failures} failed` : '';

  return {
    compiledDuringLoad: after.validators - before.validators,
    rows: [
      {
        measurement: `1. Submit: durable submissions/s at ${CONNECTIONS} connections (vs Express JSON echo)`,
        samform: samformResult.rate,
        baseline: echoResult.rate,
        unit: '/s',
        goal: { kind: 'ratio-at-least', bound: 0.8 },
        note: `${samformResult.ok} accepted${note}`,
      },
      {
        measurement: `1. Submit: p50 / p99 latency at ${CONNECTIONS} connections`,
        samform: samformResult.p99,
        baseline: echoResult.p99,
        unit: 'ms',
        goal: { kind: 'none' },
        note: `p50 ${samformResult.p50.toFixed(1)} ms; echo p50 ${echoResult.p50.toFixed(1)} ms`,
      },
      {
        measurement: `1. Submit: p99 at half the maximum rate (${(samformResult.rate / 2).toFixed(0)}/s, evenly paced)`,
        samform: half.p99,
        baseline: echoHalf.p99,
        unit: 'ms',
        goal: { kind: 'value-below', bound: 25, unit: 'ms' },
        note: `p50 ${half.p50.toFixed(1)} ms`,
      },
    ],
  };
}
