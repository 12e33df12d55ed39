import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openMongoStore } from './open-mongo-store-lazily.ts';
import type { Store } from './port.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';

/** The store the configuration asks for: MongoDB when a URI is given, else SQLite at `${dataDir}/samform.sqlite`. */
export async function openStore(config: { mongodbUri?: string; dataDir: string }): Promise<Store> {
  if (config.mongodbUri) return openMongoStore({ uri: config.mongodbUri });
  await mkdir(config.dataDir, { recursive: true });
  return openSqliteStore({ file: join(config.dataDir, 'samform.sqlite') });
}
