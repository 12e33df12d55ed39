export * from './port.ts';
export { openSqliteStore, readSqlitePragmas } from './sqlite/sqlite-store.ts';
export { openMongoStore } from './mongodb/mongodb-store.ts';
export { openStore } from './open-store.ts';
