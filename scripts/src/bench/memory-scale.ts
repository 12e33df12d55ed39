import { SUBMIT_SERVICE } from './bench-catalogue.ts';
import { bundledServerProcess } from './bundled-server-process.ts';
import { startChild } from './child-process.ts';
import type { Child } from './child-process.ts';
import type { ServerSetup, ServerStats } from './server-setup.ts';
import { loadAtConcurrency } from './load.ts';
import { median } from './stats.ts';
import { CONNECTIONS, checkTarget, ideaBody } from './submit-path.ts';
import type { Row } from './table.ts';

const START_TIMEOUT_MS = 180_000;
const MB = 1024 * 1024;
const SCALE_ROUNDS = 5;

function tenantIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `kommun-${String(i + 1).padStart(3, '0')}`);
}

async function generatedServer(clientDir: string, tenants: number, servicesPerTenant: number): Promise<Child> {
  const setup: ServerSetup = { kind: 'generated', clientDir, tenants, servicesPerTenant };
  return startChild(await bundledServerProcess(), { BENCH_SERVER: JSON.stringify(setup) }, START_TIMEOUT_MS);
}

/** GET every page, a few at a time (what the first citizens of the day do). */
async function visitAll(urls: readonly string[], parallel = 4): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      }
    }),
  );
}

/**
 * Measurement 6a: resident memory of a server with `tenants` × `services` published, after start
 * (every validator compiled and module bundled) and after every citizen page was served once and
 * every tenant took a submission.
 */
export async function measureMemory(clientDir: string, log: (line: string) => void, tenants = 17, services = 30): Promise<Row[]> {
  const started = performance.now();
  const server = await generatedServer(clientDir, tenants, services);
  try {
    log(`  ${tenants} x ${services} e-services published and warmed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const ids = tenantIds(tenants);
    const pages = await Promise.all(
      ids.map(async (tenant) => {
        const response = await fetch(`${server.url}/api/t/${tenant}/services`);
        const services = (await response.json()) as { id: string }[];
        return services.map((s) => `${server.url}/t/${tenant}/e/${s.id}`);
      }),
    );
    await visitAll(pages.flat());
    await checkTarget({ origin: server.url, paths: ids.map((t) => `/api/t/${t}/services/${SUBMIT_SERVICE}/submissions`), body: ideaBody() });
    const stats = await server.ask<ServerStats>('stats', 'stats');
    return [
      {
        measurement: `6. Server RSS, ${tenants} tenants x ${services} e-services published, every page served once`,
        samform: stats.rss / MB,
        unit: 'MB',
        goal: { kind: 'value-below', bound: 150, unit: 'MB' },
        note: `${pages.flat().length} pages, ${stats.validators} validators, heap ${(stats.heapUsed / MB).toFixed(0)} MB`,
      },
    ];
  } finally {
    await server.stop();
  }
}

/**
 * Measurement 6b: submit throughput with the load spread over 1, 17 and 170 tenants (3
 * e-services each). All three servers run at once and take turns, round after round, so a
 * machine that gets busier or quieter meanwhile affects each alike; each round starts with the
 * next server (a server loaded right after another meets that one's WAL checkpoint and page
 * cache writes), and the figures are medians of the rounds.
 */
export async function measureScale(clientDir: string, log: (line: string) => void, counts: readonly number[] = [1, 17, 170]): Promise<Row[]> {
  const servers: { tenants: number; server: Child; rates: number[]; p99s: number[] }[] = [];
  try {
    for (const tenants of counts) servers.push({ tenants, server: await generatedServer(clientDir, tenants, 3), rates: [], p99s: [] });
    const targets = servers.map(({ tenants, server }) => ({ origin: server.url, paths: tenantIds(tenants).map((t) => `/api/t/${t}/services/${SUBMIT_SERVICE}/submissions`), body: ideaBody() }));
    for (const target of targets) {
      await checkTarget(target);
      await loadAtConcurrency(target, { connections: CONNECTIONS, seconds: 2, maxRequests: 20_000 });
    }
    for (let round = 0; round < SCALE_ROUNDS; round++) {
      for (let turn = 0; turn < targets.length; turn++) {
        const i = (round + turn) % targets.length;
        const target = targets[i]!;
        const result = await loadAtConcurrency(target, { connections: CONNECTIONS, seconds: 4, maxRequests: 20_000 });
        servers[i]!.rates.push(result.rate);
        servers[i]!.p99s.push(result.p99);
      }
      log(`  round ${round + 1}: ${servers.map((s) => `${s.tenants} tenants ${s.rates.at(-1)!.toFixed(0)}/s`).join(', ')}`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.server.stop()));
  }
  const rates = servers.map((s) => ({ tenants: s.tenants, rate: median(s.rates), p99: median(s.p99s) }));
  const first = rates[0]!;
  return rates.map((r) => ({
    measurement: `6. Submissions/s at ${CONNECTIONS} connections, load spread over ${r.tenants} tenant${r.tenants === 1 ? '' : 's'}${r === first ? '' : ` (vs ${first.tenants})`}`,
    samform: r.rate,
    ...(r === first ? {} : { baseline: first.rate }),
    unit: '/s',
    goal: r === first ? { kind: 'none' as const } : { kind: 'ratio-at-least' as const, bound: 0.9 },
    note: `p99 ${r.p99.toFixed(1)} ms`,
  }));
}
