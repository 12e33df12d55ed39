import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { openSqliteStore } from '@samform/store';
import { eventIdOf } from '../src/delivery/webhook-payload.ts';
import { seedDemo } from '../src/seed-demo.ts';
import { CHEAP_COST, demoForms, tempDir } from './harness.ts';
import { eventually, startReceiver, verifies } from './delivery-harness.ts';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'crash-test-webhook-secret';
const SUBMISSIONS = 500;
const children: ChildProcess[] = [];
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// 500 sends from one address in seconds: far above the per-address limit a citizen meets.
const UNLIMITED_SENDS = { SAMFORM_RATE_LIMIT_SUBMIT_PER_IP: '1000000', SAMFORM_RATE_LIMIT_SUBMIT_PER_TENANT: '1000000' };

function startMain(env: Record<string, string>, script = 'src/main.ts', ready = /Samform listening on (\S+)/) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: SERVER_DIR,
    env: { ...process.env, LOG_LEVEL: 'error', TSX_TSCONFIG_PATH: '../tsconfig.base.json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const listening = async (): Promise<string> => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const match = ready.exec(stdout);
      if (match) return match[1] ?? match[0];
      if (child.exitCode !== null) throw new Error(`main exited: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`main did not start: ${stderr}`);
  };
  return { child, exit, listening };
}

describe('delivery across a crash', () => {
  it(`when the server is killed -9 in the middle of ${SUBMISSIONS} concurrent submissions with webhook delivery running, then after a restart every 201 is stored once and every stored case is delivered`, async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = path.join(temp.dir, 'samform.sqlite');
    const seeded = await openSqliteStore({ file });
    await seedDemo(seeded, await demoForms(), { passwordCost: CHEAP_COST });
    await seeded.putQueue('ostersund', { id: 'va', name: { sv: 'Vatten och avlopp' }, delivery: { kind: 'webhook', url: receiver.url, secret: SECRET } });
    await seeded.close();
    const env = { SAMFORM_DATA: temp.dir, PORT: String(await freePort()), SAMFORM_MODE: 'demo', SAMFORM_ALLOW_PRIVATE_WEBHOOKS: '1', SAMFORM_DELIVERY_BASE_DELAY_MS: '50', SAMFORM_DELIVERY_LEASE_MS: '3000', ...UNLIMITED_SENDS };

    const first = startMain(env);
    const url = await first.listening();
    // With an e-mail address, so each case also owes the citizen a receipt (no SMTP here: it waits in the outbox).
    const data = { ...exampleAnswers('region-jamtland-harjedalen', 'felanmalan'), contact: { email: 'asa@example.se' } };
    const accepted: string[] = [];
    let answered = 0;
    let killed = false;
    const kill = (): void => {
      if (killed) return;
      killed = true;
      first.child.kill('SIGKILL');
    };
    // All in flight together, their starts spread over three seconds so the kill lands among them.
    const sends = Array.from({ length: SUBMISSIONS }, async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3000));
      try {
        const response = await fetch(`${url}/api/t/ostersund/services/felanmalan/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data }),
        });
        const body = (await response.json()) as { id: string };
        if (response.status === 201) accepted.push(body.id);
        // Kill while submissions are still coming in and deliveries are under way.
        if (accepted.length >= SUBMISSIONS / 5 && receiver.calls.length > 0) kill();
      } catch {
        // Cut off by the kill: the client never got a 201, so nothing is promised for it.
      } finally {
        answered++;
      }
    });
    await Promise.all(sends);
    expect(killed).toBe(true);
    expect((await first.exit).signal).toBe('SIGKILL');
    expect(answered).toBe(SUBMISSIONS);
    expect(accepted.length).toBeLessThan(SUBMISSIONS);

    const second = startMain(env);
    await second.listening();
    const store = await openSqliteStore({ file });
    cleanups.push(() => store.close());
    const stored = await store.listQueueItems('ostersund', 'va', { limit: SUBMISSIONS * 2 });
    const storedIds = stored.map((item) => item.id);
    expect(new Set(storedIds).size).toBe(storedIds.length);
    expect(storedIds.length).toBeLessThanOrEqual(SUBMISSIONS);
    for (const id of accepted) expect(storedIds.filter((s) => s === id)).toHaveLength(1);

    const receipts = new Set((await store.listOutboxMessages('ostersund', { kind: 'receipt', limit: SUBMISSIONS * 2 })).map((m) => m.id));
    expect(receipts).toEqual(new Set(storedIds.map((id) => `receipt:${id}`)));

    const wanted = new Set(storedIds.map((id) => eventIdOf('ostersund', id)));
    const delivered = () => new Set(receiver.calls.filter((c) => c.status === 204).map((c) => c.eventId));
    await eventually(() => [...wanted].every((id) => delivered().has(id)), 'every stored case delivered', 90_000);
    expect([...delivered()].every((id) => wanted.has(id))).toBe(true);
    expect(receiver.calls.every((c) => verifies(c, SECRET))).toBe(true);
    await eventually(async () => (await store.listQueueItems('ostersund', 'va', { status: 'acked', limit: SUBMISSIONS * 2 })).length === storedIds.length, 'every case acked', 30_000);

    second.child.kill('SIGTERM');
    expect(await second.exit).toEqual({ code: 0, signal: null });
  }, 240_000);
});

describe('pnpm worker', () => {
  it('when the server runs with SAMFORM_WORKERS=0, then it delivers nothing itself, a separate worker process delivers, and SIGTERM stops it cleanly', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const seeded = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
    await seedDemo(seeded, await demoForms(), { passwordCost: CHEAP_COST });
    await seeded.putQueue('ostersund', { id: 'va', name: { sv: 'Vatten och avlopp' }, delivery: { kind: 'webhook', url: receiver.url, secret: SECRET } });
    await seeded.close();
    const env = { SAMFORM_DATA: temp.dir, SAMFORM_MODE: 'demo', SAMFORM_ALLOW_PRIVATE_WEBHOOKS: '1', SAMFORM_DELIVERY_BASE_DELAY_MS: '50' };

    const server = startMain({ ...env, PORT: String(await freePort()), SAMFORM_WORKERS: '0' });
    const url = await server.listening();
    const data = exampleAnswers('region-jamtland-harjedalen', 'felanmalan');
    const ids = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => {
        const response = await fetch(`${url}/api/t/ostersund/services/felanmalan/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
        expect(response.status).toBe(201);
        return ((await response.json()) as { id: string }).id;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.calls).toEqual([]);

    const worker = startMain({ ...env, SAMFORM_WORKER_POLL_MS: '50' }, 'src/worker.ts', /Samform delivery worker running/);
    await worker.listening();
    const wanted = ids.map((id) => eventIdOf('ostersund', id)).sort();
    await eventually(() => JSON.stringify([...new Set(receiver.calls.map((c) => c.eventId))].sort()) === JSON.stringify(wanted), 'the worker process delivering', 30_000);
    worker.child.kill('SIGTERM');
    expect(await worker.exit).toEqual({ code: 0, signal: null });
    server.child.kill('SIGTERM');
    expect(await server.exit).toEqual({ code: 0, signal: null });
  }, 120_000);
});
