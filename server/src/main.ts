import { openStore } from '@samform/store';
import { ConfigError, readConfig } from './config.ts';
import { readDeliveryConfig } from './delivery/delivery-config.ts';
import type { Config } from './config.ts';
import { createLogger } from './http/create-logger.ts';
import { DemoCredentialsError, startSamform } from './start-samform.ts';
import type { RunningSamform } from './start-samform.ts';
import { stopOnSignals } from './stop-on-signals.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function storeDescription(config: Config): string {
  if (config.mongodbUri === undefined) return `sqlite at ${config.dataDir.replace(/\/+$/, '')}/samform.sqlite`;
  try {
    // Only the host: the URI may carry a password.
    return `mongodb at ${new URL(config.mongodbUri).host}`;
  } catch {
    return 'mongodb';
  }
}

let config: Config;
try {
  config = readConfig(process.env);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}

const delivery = readDeliveryConfig(process.env);
if (delivery.problems.length > 0) fail(new ConfigError(delivery.problems).message);

const logger = createLogger(undefined, config.logLevel);
if (config.mode === 'production' && config.sessionSecret === undefined) {
  logger.warn('SAMFORM_SESSION_SECRET is not set: sessions are signed with a random secret and end when this process does');
}

const store = await openStore({ dataDir: config.dataDir, ...(config.mongodbUri === undefined ? {} : { mongodbUri: config.mongodbUri }) });
let running: RunningSamform;
try {
  running = await startSamform({
    store,
    mode: config.mode,
    port: config.port,
    clientDir: config.clientDir,
    logger,
    trustProxy: config.trustProxy,
    rateLimits: config.rateLimits,
    staffIdleMs: config.staffIdleMs,
    eIdIdleMs: config.eIdIdleMs,
    delivery: delivery.config,
    ...(config.sessionSecret === undefined ? {} : { sessionSecret: config.sessionSecret }),
    ...(config.citizenEId === undefined ? {} : { citizenEId: config.citizenEId }),
    ...(config.staffSso === undefined ? {} : { staffSso: config.staffSso }),
  });
} catch (error) {
  await store.close();
  if (error instanceof DemoCredentialsError) fail(error.message);
  logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}

const tenants = await store.listTenants();
const municipalities = tenants.filter((t) => t.kind === 'municipality').length;
const collaborations = tenants.length - municipalities;
console.log(
  `Samform listening on http://localhost:${running.port} (store: ${storeDescription(config)}, mode: ${config.mode}, ` +
    `${municipalities} municipalities, ${collaborations} collaborations)`,
);
if (running.demoIdpIssuer !== undefined) console.log(`Demo e-ID (test personas, demo only) at ${running.demoIdpIssuer}`);
if (running.demoMailboxUrl !== undefined) console.log(`Demo e-mail (kept here, nothing is sent out) at ${running.demoMailboxUrl}`);

stopOnSignals(logger, 'Samform', async () => {
  await running.close();
  await store.close();
});
