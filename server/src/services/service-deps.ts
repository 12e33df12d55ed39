import type { Logger } from 'pino';
import type { Store } from '@samform/store';
import type { AuditTrail } from './audit-service.ts';
import type { ValidatorCache } from './validator-cache.ts';

/** What every use case may use: the store, the compiled validators, the clock, a logger and the audit trail. */
export interface ServiceDeps {
  store: Store;
  validators: ValidatorCache;
  clock: () => Date;
  log: Logger;
  /** Appends to a tenant's audit log with the request's address. */
  audit: AuditTrail;
}
