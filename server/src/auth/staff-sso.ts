import type { StaffUser, Store } from '@samform/store';
import type { OidcClaims } from './oidc-login.ts';

/** The staff account a municipality's identity provider vouched for, or why there is none. */
export type SsoAccount = { ok: true; user: StaffUser } | { ok: false; reason: 'no-username' | 'unknown' | 'not-in-tenant' };

/**
 * Map an SSO login to an existing staff account of `tenant`: the provider's
 * `preferred_username` (or verified e-mail) must be a Samform username, the account enabled and
 * holding a role in this tenant. Nobody is ever created here, least of all an admin.
 */
export async function staffAccountForSso(store: Store, tenant: string, claims: OidcClaims): Promise<SsoAccount> {
  const preferred = typeof claims.preferred_username === 'string' ? claims.preferred_username : undefined;
  const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email : undefined;
  const candidates = [preferred, email].filter((name): name is string => name !== undefined && name.length > 0 && name.length <= 200);
  if (candidates.length === 0) return { ok: false, reason: 'no-username' };
  for (const username of candidates) {
    const user = await store.findStaffUserByUsername(username);
    if (user === null || user.disabled) continue;
    if ((user.tenantRoles[tenant] ?? []).length === 0) return { ok: false, reason: 'not-in-tenant' };
    return { ok: true, user };
  }
  return { ok: false, reason: 'unknown' };
}
