import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { openSqliteStore } from '@samform/store';
import { seedDemo } from '../src/seed-demo.ts';
import { CHEAP_COST, call, demoForms, tempDir } from './harness.ts';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const temps: { cleanup(): void }[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const temp of temps) temp.cleanup();
});

function dataDir(): string {
  const temp = tempDir();
  temps.push(temp);
  return temp.dir;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startMain(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    // As `pnpm start` does: the client's .tsx files lie outside server/tsconfig.json's include.
    env: { ...process.env, LOG_LEVEL: 'warn', TSX_TSCONFIG_PATH: '../tsconfig.base.json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { process: child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function listening(child: Child): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /Samform listening on (\S+)/.exec(child.stdout());
    if (match) return match[1]!;
    if (child.process.exitCode !== null) throw new Error(`main exited: ${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`main did not start: ${child.stderr()}`);
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('main.ts', () => {
  it('when a submission got its 201 and the process is killed -9 at once, then after a restart it is in the queue exactly once', async () => {
    const env = { SAMFORM_DATA: dataDir(), PORT: String(await freePort()), SAMFORM_MODE: 'demo' };
    const first = startMain(env);
    const url = await listening(first);
    expect(first.stdout()).toMatch(/\(store: sqlite at .+\/samform\.sqlite, mode: demo, 17 municipalities, 2 collaborations\)/);
    // Demo mode without SMTP_URL: the demo mailbox, printed next to the demo IdP.
    await until(() => first.stdout().includes('/demo/e-post'));
    expect(first.stdout()).toContain(`Demo e-mail (kept here, nothing is sent out) at ${url}/demo/e-post`);

    const data = exampleAnswers('region-jamtland-harjedalen', 'felanmalan', new Date());
    const receipt = await call(`${url}/api/t/ostersund/services/felanmalan/submissions`, { body: { data } });
    expect(receipt.status).toBe(201);
    first.process.kill('SIGKILL');
    expect((await first.exit).signal).toBe('SIGKILL');

    const second = startMain(env);
    const again = await listening(second);
    const key = { authorization: 'Bearer demo-key-ostersund' };
    const items = await call(`${again}/api/t/ostersund/queues/${receipt.body.queue}/items`, { headers: key });
    expect(items.body.filter((item: { id: string }) => item.id === receipt.body.id)).toHaveLength(1);
    const lease = await call(`${again}/api/t/ostersund/queues/${receipt.body.queue}/lease`, { method: 'POST', headers: key });
    expect(lease.status).toBe(200);
    expect(lease.body.item).toMatchObject({ id: receipt.body.id, reference: receipt.body.reference, data });

    second.process.kill('SIGTERM');
    expect(await second.exit).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('when production mode finds demo accounts, then it refuses to start with exit code 1 and says why', async () => {
    const dir = dataDir();
    const store = await openSqliteStore({ file: path.join(dir, 'samform.sqlite') });
    await seedDemo(store, await demoForms(), { passwordCost: CHEAP_COST });
    await store.close();
    const child = startMain({ SAMFORM_DATA: dir, PORT: String(await freePort()), SAMFORM_MODE: 'production' });
    const exit = await child.exit;
    expect(exit.code).toBe(1);
    expect(child.stderr()).toMatch(/Refusing to start in production mode: the store holds demo accounts/);
    expect(child.stdout()).not.toContain('Samform listening');
  }, 60_000);

  it('when production mode has a store without demo credentials, then it starts, and SIGTERM stops it cleanly', async () => {
    const child = startMain({ SAMFORM_DATA: dataDir(), PORT: String(await freePort()) });
    const url = await listening(child);
    expect(child.stdout()).toContain('mode: production, 0 municipalities, 0 collaborations');
    expect(child.stdout()).not.toContain('Demo e-mail');
    expect((await fetch(`${url}/demo/e-post`)).status).toBe(404);
    expect((await call(`${url}/api/health`)).body).toEqual({ status: 'ok', store: 'sqlite' });
    child.process.kill('SIGTERM');
    expect(await child.exit).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('when a setting is malformed, then it fails fast with exit code 1 naming the setting', async () => {
    const child = startMain({ SAMFORM_DATA: dataDir(), PORT: 'eighty', SAMFORM_MODE: 'staging' });
    expect((await child.exit).code).toBe(1);
    expect(child.stderr()).toContain('PORT must be a port number');
    expect(child.stderr()).toContain('SAMFORM_MODE must be "demo" or "production"');
  }, 60_000);
});
