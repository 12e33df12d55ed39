import type { Logger } from 'pino';
import type { Store } from '@samform/store';
import type { ValidatorCache } from './validator-cache.ts';

/** What every use case may use: the store, the compiled validators, the clock and a logger. */
export interface ServiceDeps {
  store: Store;
  validators: ValidatorCache;
  clock: () => Date;
  log: Logger;
}
