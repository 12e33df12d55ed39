import type { Store } from './port.ts';

/**
 * Open the MongoDB store, loading the driver only now: importing it allocates BSON's 17 MB
 * serialization buffer and the driver's code, which a server on SQLite never uses (issue 8, memory).
 */
export async function openMongoStore(options: { uri: string; dbName?: string }): Promise<Store> {
  const { openMongoStore: open } = await import('./mongodb/mongodb-store.ts');
  return open(options);
}
