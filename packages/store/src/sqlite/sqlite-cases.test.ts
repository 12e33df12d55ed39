import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';

describe('sqlite: submissions stored before cases existed', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'samform-cases-'));
    file = join(dir, 'samform.sqlite');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when the store opens an older file, then every submission becomes a case at its version first stop', async () => {
    const casesMigration = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE cases'));
    expect(casesMigration).toBeGreaterThan(0);
    const db = new Database(file);
    for (let i = 0; i < casesMigration; i++) db.exec(MIGRATIONS[i]!);
    db.pragma(`user_version = ${casesMigration}`);
    const definition = { id: 'lamna-din-ide', workflow: [{ id: 'idea-received', title: { sv: 'Idén har kommit in' } }] };
    db.prepare(`INSERT INTO service_versions (tenant, service_id, version, definition, published_at) VALUES ('ostersund', 'lamna-din-ide', 1, ?, '2025-01-01T00:00:00.000Z')`).run(
      JSON.stringify(definition),
    );
    const insert = db.prepare(
      `INSERT INTO submissions (tenant, id, reference, service_owner, service_id, version, received_at, queue, locale, data, status)
       VALUES ('ostersund', ?, ?, 'ostersund', ?, 1, '2025-02-01T08:00:00.000Z', ?, 'sv', '{}', 'acked')`,
    );
    insert.run('old-idea', 'OLDI-0001', 'lamna-din-ide', 'ideer');
    insert.run('old-leak', 'OLDL-0001', 'felanmalan-va', 'va');
    db.close();

    const store = await openSqliteStore({ file });
    const idea = await store.getCase('ostersund', 'old-idea');
    const leak = await store.getCase('ostersund', 'old-leak');
    expect(idea?.case).toMatchObject({ status: 'idea-received', closed: false, assignee: null, updatedAt: '2025-02-01T08:00:00.000Z' });
    expect(leak?.case.status).toBe('received');
    expect(idea?.case.statusToken).toMatch(/^[0-9a-f]{36}$/);
    expect(idea?.case.statusToken).not.toBe(leak?.case.statusToken);
    expect((await store.findCaseByStatusToken('ostersund', idea!.case.statusToken))?.id).toBe('old-idea');
    await store.close();
  });
});
