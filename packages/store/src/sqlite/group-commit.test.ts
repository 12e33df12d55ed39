import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ConflictError } from '@samform/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';
import { openSqliteStore } from './sqlite-store.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'samform-group-commit-'));
  file = join(dir, 'items.sqlite');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function openItems(): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY)');
  return db;
}

/** The ids another connection sees: only what was committed. */
function committedIds(): string[] {
  const reader = new Database(file, { readonly: true });
  try {
    return (reader.prepare('SELECT id FROM items ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  } finally {
    reader.close();
  }
}

describe('group commit', () => {
  it('when writes arrive in the same turn, then they share one transaction and each hears of it only after the commit', async () => {
    const db = openItems();
    const batches: number[] = [];
    const group = createGroupCommit(db, (size) => batches.push(size));
    const insert = db.prepare('INSERT INTO items (id) VALUES (?)');
    const seenAtResolve: string[][] = [];
    const writes = ['a', 'b', 'c', 'd', 'e'].map((id) => group.commit(() => insert.run(id).changes).then((changes) => (seenAtResolve.push(committedIds()), changes)));
    expect(committedIds()).toEqual([]);
    expect(await Promise.all(writes)).toEqual([1, 1, 1, 1, 1]);
    expect(batches).toEqual([5]);
    // Even the first caller to hear "done" found every write of its batch committed.
    expect(seenAtResolve[0]).toEqual(['a', 'b', 'c', 'd', 'e']);
    db.close();
  });

  it('when one write of a batch fails, then only its own statements roll back and only it rejects', async () => {
    const db = openItems();
    db.prepare("INSERT INTO items (id) VALUES ('taken')").run();
    const group = createGroupCommit(db);
    const insert = db.prepare('INSERT INTO items (id) VALUES (?)');
    const results = await Promise.allSettled([
      group.commit(() => insert.run('x1')),
      group.commit(() => {
        insert.run('half-done');
        insert.run('taken');
      }),
      group.commit(() => insert.run('x2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(committedIds()).toEqual(['taken', 'x1', 'x2']);
    db.close();
  });

  it('when the process dies inside a batch before its commit, then none of the batch is in the file', async () => {
    openItems().close();
    const child = await runFixture('batch-then-die.ts', [file, 'crash']);
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGKILL');
    const db = openItems();
    expect(committedIds()).toEqual([]);
    db.close();
  }, 20_000);

  it('when the process dies right after a batch committed, then all of the batch is in the file', async () => {
    openItems().close();
    const child = await runFixture('batch-then-die.ts', [file, 'commit']);
    expect(child.stdout).toBe('committed\n');
    expect(child.signal).toBe('SIGKILL');
    const db = openItems();
    expect(committedIds()).toEqual(['b1', 'b2', 'b3', 'b4']);
    db.close();
  }, 20_000);
});

describe('the SQLite store accepting submissions together', () => {
  const submission = (n: number, reference = `GRP${String(n).padStart(2, '0')}-0001`) => ({
    id: `5a1e0000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    reference,
    serviceOwner: 'ostersund',
    serviceId: 'felanmalan-va',
    version: 1,
    receivedAt: '2025-03-01T08:00:00.000Z',
    queue: 'va',
    locale: 'sv',
    data: { beskrivning: `Läcka ${n}` },
  });

  it('when 20 arrive at once with one reference taken twice, then 19 are durable and the twin is refused alone', async () => {
    const storeFile = join(dir, 'samform.sqlite');
    const store = await openSqliteStore({ file: storeFile });
    await store.putTenant({ id: 'ostersund', name: 'Östersunds kommun', kind: 'municipality', memberOf: [] });
    await store.putQueue('ostersund', { id: 'va', name: { sv: 'VA', en: 'Water' }, delivery: { kind: 'pull' } });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => store.acceptSubmission('ostersund', submission(n, n === 7 ? 'GRP03-0001' : undefined))));
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as ConflictError).code)).toEqual(['reference-taken']);
    // close() before anything else reads: what was answered must be in the file.
    await store.close();
    const reopened = await openSqliteStore({ file: storeFile });
    expect(await reopened.listQueueItems('ostersund', 'va')).toHaveLength(19);
    await reopened.close();
  });

  it('when the store closes with writes queued, then they are committed first', async () => {
    const storeFile = join(dir, 'samform.sqlite');
    const store = await openSqliteStore({ file: storeFile });
    await store.putTenant({ id: 'ostersund', name: 'Östersunds kommun', kind: 'municipality', memberOf: [] });
    await store.putQueue('ostersund', { id: 'va', name: { sv: 'VA', en: 'Water' }, delivery: { kind: 'pull' } });
    const accepted = store.acceptSubmission('ostersund', submission(1));
    await store.close();
    await expect(accepted).resolves.toMatchObject({ replayed: false });
    const reopened = await openSqliteStore({ file: storeFile });
    expect(await reopened.getSubmission('ostersund', submission(1).id)).toMatchObject({ reference: 'GRP01-0001' });
    await reopened.close();
  });
});

function runFixture(fixture: string, args: string[]): Promise<{ stdout: string; stderr: string; signal: NodeJS.Signals | null }> {
  const script = fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ stdout, stderr, signal }));
  });
}
