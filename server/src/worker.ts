// `pnpm worker`: delivery workers as a process of their own, leasing from the same store as the
// servers (run any number; start the servers with SAMFORM_WORKERS=0 to keep them out of it).
import { openStore } from '@samform/store';
import { ConfigError, readConfig } from './config.ts';
import { readDeliveryConfig } from './delivery/delivery-config.ts';
import { startDeliveryWorker } from './delivery/delivery-worker.ts';
import { createLogger } from './http/create-logger.ts';
import { stopOnSignals } from './stop-on-signals.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const env = { ...process.env, PORT: process.env.PORT || '0' };
let config;
try {
  config = readConfig(env);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
const delivery = readDeliveryConfig(env);
if (delivery.problems.length > 0) fail(new ConfigError(delivery.problems).message);
const pollText = process.env.SAMFORM_WORKER_POLL_MS ?? '';
if (pollText !== '' && !/^\d+$/.test(pollText)) fail(new ConfigError([`SAMFORM_WORKER_POLL_MS must be a whole number of milliseconds, got "${pollText}"`]).message);

const logger = createLogger(undefined, config.logLevel);
const store = await openStore({ dataDir: config.dataDir, ...(config.mongodbUri === undefined ? {} : { mongodbUri: config.mongodbUri }) });
const worker = startDeliveryWorker({ store, config: delivery.config, logger, ...(pollText === '' ? {} : { pollMs: Number(pollText) }) });
console.log(`Samform delivery worker running (pid ${process.pid})`);

stopOnSignals(logger, 'delivery worker', async () => {
  await worker.stop();
  await store.close();
});
