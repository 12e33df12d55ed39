import type Database from 'better-sqlite3';
import { translateSqliteError } from './translate-sqlite-error.ts';

/** Writes committed together, one fsync for all of them. */
export interface GroupCommit {
  /**
   * Run `work` (synchronous statements) in the next batch, inside its own SAVEPOINT: if it
   * throws, only its own statements roll back and only its promise rejects. The promise
   * settles after the batch's COMMIT returns (fsynced under synchronous=FULL), never before.
   */
  commit<T>(work: () => T): Promise<T>;
  /** Commit what is queued now, synchronously (before the connection closes). */
  flush(): void;
}

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most writes one transaction holds, so one batch cannot hold up the event loop for long. */
const MAX_BATCH = 256;

/**
 * Group commit for the SQLite adapter (issue 8): writes queued in the same turn of the event
 * loop share one IMMEDIATE transaction, so N concurrent submissions cost one fsync instead of N.
 * A batch is crash-consistent: SQLite commits all of it or none of it, and no caller hears
 * "done" before the commit. `onBatch` (tests, metrics) learns each batch's size.
 */
export function createGroupCommit(db: Database.Database, onBatch?: (size: number) => void): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;

  const runBatch = (batch: Pending[]): void => {
    onBatch?.(batch.length);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            // Nested: better-sqlite3 makes it a SAVEPOINT, rolled back alone when it throws.
            outcomes.push({ ok: true, value: db.transaction(item.work)() });
          } catch (error) {
            // Some errors (disk full, I/O) make SQLite roll back the whole transaction; the
            // writes after it would then commit one by one, so the batch stops here, whole.
            if (!db.inTransaction) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      // Nothing of the batch was committed: every caller hears so.
      const failure = translateSqliteError(error);
      for (const item of batch) item.reject(failure);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(translateSqliteError(outcome.error));
    });
  };

  const flush = (): void => {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      runBatch(batch);
    }
  };

  return {
    commit<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          // After the I/O callbacks of this turn: every request that arrived with this one joins it.
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}
