import Database from 'better-sqlite3';
import { AppError, ConflictError } from '@samform/model';

// SQLite names the violated columns in the message ("UNIQUE constraint failed: t.a, t.b");
// that is the only place the driver says which constraint it was.
const CONFLICTS: readonly { columns: string; code: string; message: string }[] = [
  { columns: 'service_versions.tenant, service_versions.service_id, service_versions.version', code: 'version-exists', message: 'That version is published already' },
  { columns: 'submissions.tenant, submissions.reference', code: 'reference-taken', message: 'The reference is taken in this tenant' },
  { columns: 'submissions.tenant, submissions.id', code: 'submission-exists', message: 'A submission with that id exists' },
  { columns: 'idempotency_keys.tenant, idempotency_keys.key', code: 'idempotency-key-reused', message: 'The idempotency key is used already' },
  { columns: 'staff_users.username', code: 'username-taken', message: 'Another user has that username' },
  { columns: 'api_keys.tenant, api_keys.hash', code: 'api-key-exists', message: 'The tenant has an API key with that hash' },
  { columns: 'attachments.tenant, attachments.id', code: 'attachment-exists', message: 'An attachment with that id exists' },
];

/**
 * Turn a better-sqlite3 error into an AppError so no driver type crosses the port: constraint
 * violations become ConflictError, anything else a 503 `store-unavailable` (busy, I/O, full).
 * Errors that are not the driver's pass through unchanged.
 */
export function translateSqliteError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  if (error.code.startsWith('SQLITE_CONSTRAINT')) {
    const known = CONFLICTS.find((c) => error.message.endsWith(c.columns));
    return known
      ? new ConflictError(known.code, known.message, { cause: error })
      : new ConflictError('constraint-violated', 'The write collides with stored data', { cause: error });
  }
  return new AppError('store-unavailable', 503, 'The store could not complete the operation', { cause: error });
}
