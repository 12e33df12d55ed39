/**
 * A Samform server in its own process, as in production: a SQLite file (synchronous=FULL) in a
 * temp folder, loopback, port 0. Started by `spawnServer` with its setup in BENCH_SERVER (JSON);
 * it answers { url } on the IPC channel once listening, and { rss, validators } to 'stats'.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadForms } from '@samform/forms';
import { createLogger, startSamform } from '@samform/server';
import type { DemoForms } from '@samform/server';
import { openSqliteStore } from '@samform/store';
import { largeFormDefinition } from '../large-form.ts';
import { generatedCatalogue } from './bench-catalogue.ts';
import type { ServerSetup, ServerStats } from './server-setup.ts';

const setup = JSON.parse(process.env.BENCH_SERVER ?? '{}') as ServerSetup;
const send = (message: unknown): void => void process.send?.(message);

async function catalogue(): Promise<DemoForms> {
  const forms = await loadForms();
  if (setup.kind === 'forms') {
    // The real forms/ content plus the generated long forms, owned by Östersund.
    const large = setup.largeForms.map((fields) => ({ owner: 'ostersund', definition: largeFormDefinition(fields) }));
    return { tenants: forms.tenants, queues: forms.queues, services: [...forms.services, ...large] };
  }
  const queues = forms.queues.ostersund ?? [];
  return generatedCatalogue(
    forms.services.map((s) => s.definition),
    queues,
    setup,
  );
}

const dataDir = await mkdtemp(join(tmpdir(), 'samform-bench-'));
const store = await openSqliteStore({ file: join(dataDir, 'samform.sqlite') });
const samform = await startSamform({
  store,
  mode: 'demo',
  host: '127.0.0.1',
  clientDir: setup.clientDir,
  logger: createLogger(undefined, 'warn'),
  forms: await catalogue(),
  // The demo accounts are not used; a cheap hash keeps a 170-tenant start short.
  passwordCost: { N: 1024, r: 8, p: 1 },
  // As in production, an e-ID broker is configured (never reached: no bench page logs in), so the
  // demo IdP that demo mode would otherwise run inside the process is not measured with Samform.
  citizenEId: { issuer: 'https://e-id.bench.invalid', clientId: 'samform-bench', clientSecret: 'not-used-by-the-bench' },
  // The load comes from one loopback address at thousands of sends a second: the send limits
  // (ADR 0011) stay on and count every send, but as high as an operator would set them for a
  // known load-test source (SAMFORM_RATE_LIMIT_SUBMIT_PER_IP / _PER_TENANT).
  rateLimits: {
    loginPerAddressAndUser: { limit: 10, windowMs: 15 * 60_000 },
    loginPerAddress: { limit: 30, windowMs: 15 * 60_000 },
    submitPerAddress: { limit: 100_000_000, windowMs: 60_000 },
    submitPerTenant: { limit: 100_000_000, windowMs: 60_000 },
  },
});

process.on('message', (message) => {
  if (message === 'stats') {
    const stats: ServerStats = { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed, validators: samform.validators.size };
    send({ stats });
  } else if (message === 'stop') {
    void (async () => {
      await samform.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
      process.exit(0);
    })();
  }
});
send({ url: samform.url });
