import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, startSamform } from '@samform/server';
import { openSqliteStore, type Store } from '@samform/store';

type StartOptions = Parameters<typeof startSamform>[0];

/** The citizen build that `pnpm test` makes before the journeys run. */
export const CLIENT_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../client/dist');

/** A demo Samform on a fresh SQLite file and a free port, as `pnpm start` runs it. */
export interface SamformUnderTest {
  url: string;
  store: Store;
  stop(): Promise<void>;
}

/** Start Samform in demo mode on a temp store, serving the built citizen pages; `prepare` runs on the store first. */
export async function startSamformUnderTest(
  options: {
    prepare?: (store: Store) => Promise<void>;
    staffIdleMs?: number;
    /** A citizen's e-ID login ends after this long idle. */
    eIdIdleMs?: number;
    /** Delivery settings (issue 7), e.g. private webhooks allowed and a short retry window; a worker runs in the server when `workersInServer`. */
    delivery?: StartOptions['delivery'];
  } = {},
): Promise<SamformUnderTest> {
  const dataDir = await mkdtemp(join(tmpdir(), 'samform-e2e-'));
  const store = await openSqliteStore({ file: join(dataDir, 'samform.sqlite') });
  // Content put straight into the store before start (what no API would accept, e.g. markup in texts).
  await options.prepare?.(store);
  const running = await startSamform({
    store,
    mode: 'demo',
    port: 0,
    host: '127.0.0.1',
    clientDir: CLIENT_DIST,
    // Request lines would drown the test report; warnings and errors still show.
    logger: createLogger(undefined, 'warn'),
    // The demo passwords are public; a cheap scrypt cost keeps seeding seventeen tenants quick.
    passwordCost: { N: 1024, r: 8, p: 1 },
    ...(options.staffIdleMs === undefined ? {} : { staffIdleMs: options.staffIdleMs }),
    ...(options.eIdIdleMs === undefined ? {} : { eIdIdleMs: options.eIdIdleMs }),
    // A delivery worker polling fast, so a test sees retries and dead letters in moments.
    ...(options.delivery === undefined ? {} : { delivery: options.delivery, deliveryWorker: { pollMs: 20, refreshMs: 50 } }),
  });
  return {
    url: running.url,
    store,
    async stop() {
      await running.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Call the API as a machine of one tenant with its demo key. */
export async function apiAsTenant(base: string, tenant: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer demo-key-${tenant}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
