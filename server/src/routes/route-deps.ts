import type { Response } from 'express';
import type { Store } from '@samform/store';
import type { StaffAuth } from '../auth/staff-auth.ts';
import type { RateLimits } from '../http/rate-limits.ts';
import type { ServiceDeps } from '../services/service-deps.ts';

/** What the routers are built from. */
export interface RouteDeps {
  store: Store;
  staffAuth: StaffAuth;
  /** The use cases' dependencies, with the request's logger. */
  services(res: Response): ServiceDeps;
  /** Origins besides the app's own that staff pages may be served from (a dev server). */
  allowedOrigins: readonly string[];
  /** Counters for failed sign-ins and sends (ADR 0011). */
  rateLimits: RateLimits;
  /** SAMFORM_ALLOW_PRIVATE_WEBHOOKS: loopback and private webhook targets may be configured (issue 7). */
  allowPrivateWebhooks?: boolean;
}
