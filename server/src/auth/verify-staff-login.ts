import type { StaffUser, Store } from '@samform/store';
import { hashPassword, verifyPassword } from './password-hash.ts';

// Unknown users are checked against this hash so that they cost as much time as a wrong
// password and cannot be told apart by timing. Made at load, so the first probe is no slower.
const dummyHash: Promise<string> = hashPassword('not-a-password');

/** The staff user for a username and password, or null; unknown user and wrong password look alike. */
export async function verifyStaffLogin(store: Store, username: string, password: string): Promise<StaffUser | null> {
  const user = username.length <= 200 ? await store.findStaffUserByUsername(username) : null;
  const ok = await verifyPassword(password.slice(0, 1024), user?.passwordHash ?? (await dummyHash));
  return user !== null && ok && !user.disabled ? user : null;
}
