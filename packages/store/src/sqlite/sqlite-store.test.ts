import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStoreContract } from '../contract.ts';
import { MIGRATIONS } from './migrations.ts';
import { openSqliteStore, readSqlitePragmas } from './sqlite-store.ts';

describeStoreContract('sqlite temp file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'samform-store-'));
  const store = await openSqliteStore({ file: join(dir, 'samform.sqlite') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeStoreContract('sqlite :memory:', async () => {
  const store = await openSqliteStore({ file: ':memory:' });
  return { store, cleanup: () => store.close() };
});

describe('sqlite store on a file', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'samform-store-'));
    file = join(dir, 'samform.sqlite');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const leak = {
    id: '5a1e0000-0000-4000-8000-000000000002',
    reference: 'K7M2-9QX4',
    serviceOwner: 'ostersund',
    serviceId: 'felanmalan-va',
    version: 1,
    receivedAt: '2025-03-01T08:00:00.000Z',
    queue: 'va',
    locale: 'sv',
    data: { beskrivning: 'Läcka vid Arvesgården 4:12' },
  };

  it('keeps what was written across close and reopen', async () => {
    const first = await openSqliteStore({ file });
    await first.putTenant({ id: 'ostersund', name: 'Östersunds kommun', kind: 'municipality', memberOf: [] });
    await first.acceptSubmission('ostersund', leak, { key: 'k1', fingerprint: 'f1' });
    await first.close();

    const second = await openSqliteStore({ file });
    expect(await second.getTenant('ostersund')).toEqual({ id: 'ostersund', name: 'Östersunds kommun', kind: 'municipality', memberOf: [] });
    expect(await second.getSubmission('ostersund', leak.id)).toEqual({ ...leak, tenant: 'ostersund' });
    expect(await second.acceptSubmission('ostersund', { ...leak, id: 'other', reference: 'OTHR-0001' }, { key: 'k1', fingerprint: 'f1' })).toMatchObject({
      replayed: true,
      submission: { id: leak.id },
    });
    await second.close();
  });

  it('leaves the file in WAL mode with the schema at its latest version', async () => {
    const store = await openSqliteStore({ file });
    await store.close();
    // WAL is a property of the file, so a fresh connection sees it too.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('sets synchronous FULL and foreign keys on its own connection', async () => {
    const store = await openSqliteStore({ file });
    expect(readSqlitePragmas(store)).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 });
    await store.close();
  });

  it('hands each item to exactly one of several processes leasing at once', async () => {
    const store = await openSqliteStore({ file });
    for (let n = 0; n < 300; n++) {
      const seq = String(n).padStart(3, '0');
      await store.acceptSubmission('ostersund', {
        ...leak,
        id: `5a1e0000-0000-4000-8000-000000000${seq}`,
        reference: `MULT-0${seq}`,
        receivedAt: new Date(Date.UTC(2025, 2, 1, 6, 0, n)).toISOString(),
      });
    }
    await store.close();
    const startAt = String(Date.now() + 1500);
    const results = await Promise.all([1, 2, 3, 4].map(() => runChild('lease-until-empty.ts', [file, startAt])));
    const ids = results.flatMap((r) => {
      expect(r).toMatchObject({ stderr: '', signal: null, code: 0 });
      return JSON.parse(r.stdout) as string[];
    });
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    // The processes really did take turns, or the test proved nothing.
    expect(results.filter((r) => r.stdout !== '[]').length).toBeGreaterThan(1);
  }, 20_000);

  it('keeps an accepted submission, exactly once, when the process is killed right after', async () => {
    const { stdout, stderr, signal } = await runChild('accept-then-die.ts', [file]);
    expect(stderr).toBe('');
    expect(stdout).toBe('accepted\n');
    expect(signal).toBe('SIGKILL');

    const store = await openSqliteStore({ file });
    expect(await store.getSubmission('ostersund', '5a1e0000-0000-4000-8000-000000000001')).toMatchObject({ reference: 'CR4S-H001' });
    expect((await store.listQueueItems('ostersund', 'va')).map((i) => [i.reference, i.status])).toEqual([['CR4S-H001', 'pending']]);
    const retry = await store.acceptSubmission('ostersund', { ...leak, id: 'retry', reference: 'RTRY-0001' }, { key: 'crash-key', fingerprint: 'crash-fp' });
    expect(retry).toMatchObject({ replayed: true, submission: { reference: 'CR4S-H001' } });
    expect(await store.listQueueItems('ostersund', 'va')).toHaveLength(1);
    await store.close();
  }, 20_000);
});

/** Run a fixture script in its own Node process (TypeScript through tsx) and collect what it did. */
function runChild(fixture: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number | null; signal: NodeJS.Signals | null }> {
  const script = fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ stdout, stderr, code, signal }));
  });
}
