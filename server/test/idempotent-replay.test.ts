import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { exampleAnswers } from '@samform/forms';
import { openSqliteStore } from '@samform/store';
import type { Store } from '@samform/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/http/create-logger.ts';
import { seedDemo } from '../src/seed-demo.ts';
import { CHEAP_COST, LogCapture, call, demoForms, tempDir } from './harness.ts';

const DAY_MS = 86_400_000;

describe('an idempotent retry after the rules moved on', () => {
  const temp = tempDir();
  let store: Store;
  let server: Server;
  let url: string;
  // The server's clock, moved by the test: the retry comes a month after the first send.
  let now = new Date('2026-11-26T09:00:00Z');

  beforeAll(async () => {
    store = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
    await seedDemo(store, await demoForms(), { passwordCost: CHEAP_COST });
    const app = createApp({ store, logger: createLogger(new LogCapture()), clock: () => now });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    temp.cleanup();
  });

  it('when a pause that started eight weeks ahead is retried five weeks later, then the first 201 is repeated, not a 422', async () => {
    // Västernorrland's pause: the region's requires an e-ID login (see e-id.test.ts).
    const submit = `${url}/api/t/sundsvall/services/uppehall-i-hamtning/submissions`;
    const data = exampleAnswers('esamverkan-vasternorrland', 'uppehall-i-hamtning', now);
    const headers = { 'idempotency-key': 'pause-retry-1' };
    const first = await call(submit, { body: { data }, headers });
    expect(first.status).toBe(201);

    now = new Date(now.getTime() + 35 * DAY_MS);
    const fresh = await call(submit, { body: { data } });
    expect(fresh.status).toBe(422);
    const retry = await call(submit, { body: { data }, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await store.listQueueItems('sundsvall', 'avfall')).toHaveLength(1);
  });
});
