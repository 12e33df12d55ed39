import path from 'node:path';
import { openSqliteStore } from '@samform/store';
import type { Store } from '@samform/store';
import { createApp } from '../../src/app.ts';
import type { AppDeps } from '../../src/app.ts';
import { seedDemo } from '../../src/seed-demo.ts';
import { CHEAP_COST, LogCapture, demoForms, listen, tempDir } from '../harness.ts';

/** The demo-seeded app built in this process by createApp, on a real SQLite file and port. */
export interface SecurityApp {
  url: string;
  store: Store;
  logs: LogCapture;
  close(): Promise<void>;
}

/** Start createApp with the given options over a freshly seeded store. */
export async function startSecurityApp(options: Omit<AppDeps, 'store' | 'logDestination'> = {}): Promise<SecurityApp> {
  const temp = tempDir();
  const store = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
  await seedDemo(store, await demoForms(), { passwordCost: CHEAP_COST });
  const logs = new LogCapture();
  const server = await listen(createApp({ store, logDestination: logs, ...options }));
  return {
    url: server.url,
    store,
    logs,
    close: async () => {
      await server.close();
      await store.close();
      temp.cleanup();
    },
  };
}

/** The demo accounts the security tests sign in with. */
export const DEMO = {
  caseWorker: { username: 'ostersund.handlaggare', password: 'demo-ostersund' },
} as const;
