import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe, it } from 'vitest';
import { describeStoreContract } from '../contract.ts';
import { openMongoStore } from './mongodb-store.ts';

// No MongoDB server runs on a developer machine by default; point MONGODB_URI at a replica set
// (majority writes need one) to run the same contract as SQLite.
const uri = process.env['MONGODB_URI'];

if (uri) {
  describeStoreContract('mongodb', async () => {
    const dbName = `samform_test_${randomUUID().replaceAll('-', '')}`;
    const store = await openMongoStore({ uri, dbName });
    return {
      store,
      cleanup: async () => {
        await store.close();
        const client = new MongoClient(uri);
        try {
          await client.db(dbName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  });
} else {
  const reason = 'skipped: set MONGODB_URI to run the MongoDB contract suite';
  console.info(`[store] MongoDB contract suite ${reason}`);
  describe.skip(`store contract: mongodb (${reason})`, () => {
    it('runs the contract suite against MongoDB', () => undefined);
  });
}
