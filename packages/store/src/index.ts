export * from './port.ts';
export { openSqliteStore, readSqlitePragmas } from './sqlite/sqlite-store.ts';
export { openMongoStore } from './open-mongo-store-lazily.ts';
export { openStore } from './open-store.ts';
