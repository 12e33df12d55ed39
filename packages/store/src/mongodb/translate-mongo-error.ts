import { MongoError, MongoServerError } from 'mongodb';
import { AppError, ConflictError } from '@samform/model';

/** The fields of the unique index a duplicate-key error (11000) hit, or null for any other error. */
export function duplicateKeyFields(error: unknown): string[] | null {
  if (!(error instanceof MongoServerError) || error.code !== 11000) return null;
  const pattern: unknown = error['keyPattern'];
  if (pattern !== null && typeof pattern === 'object') return Object.keys(pattern);
  // Servers that leave out keyPattern still name the index in the message, and our indexes
  // keep their default names (`tenant_1_reference_1`): every other part is a field.
  const index = /index: (\S+)/.exec(error.message)?.[1];
  return index ? index.split('_').filter((_, i) => i % 2 === 0) : [];
}

/**
 * Turn a driver error into an AppError so no driver type crosses the port: a duplicate key the
 * caller did not map itself becomes a ConflictError, anything else a 503 `store-unavailable`.
 * Errors that are not the driver's pass through unchanged.
 */
export function translateMongoError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof MongoError)) return error;
  if (duplicateKeyFields(error)) {
    return new ConflictError('constraint-violated', 'The write collides with stored data', { cause: error });
  }
  return new AppError('store-unavailable', 503, 'The store could not complete the operation', { cause: error });
}
