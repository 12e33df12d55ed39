import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { StaffRole, StaffUser, Store } from '@samform/store';
import type { Actor } from './actor.ts';
import { ANONYMOUS } from './actor.ts';
import { createIdleTimeout, DEFAULT_STAFF_IDLE_MS } from './idle-timeout.ts';
import type { IdleTimeout } from './idle-timeout.ts';
import { PortSessionStore, SESSION_MAX_AGE_MS } from './port-session-store.ts';
import { verifyStaffLogin } from './verify-staff-login.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- declaration merging is how passport types req.user
  namespace Express {
    interface User {
      id: string;
      username: string;
      displayName: string;
      tenantRoles: { [tenant: string]: StaffRole[] };
      queues: { [tenant: string]: string[] };
      platformAdmin: boolean;
    }
  }
}

/** The name of the session cookie. */
export const SESSION_COOKIE = 'samform.sid';

/** What a signed-in staff member may see of themselves. */
export interface StaffProfile {
  id: string;
  username: string;
  displayName: string;
  tenantRoles: { [tenant: string]: StaffRole[] };
  /** The queues their caseworker role reaches, per tenant. */
  queues: { [tenant: string]: string[] };
  platformAdmin: boolean;
}

/** Staff sign-in: sessions in the store, passport-local with scrypt hashes. */
export interface StaffAuth {
  /** Session and passport middleware for /api. */
  middleware: RequestHandler[];
  /** Check `{username, password}` in the parsed body and start a fresh session; null on failure. */
  logIn(req: Request, res: Response): Promise<StaffProfile | null>;
  /** End the session server-side and clear its cookie. */
  logOut(req: Request, res: Response): Promise<void>;
  /** Start a fresh session (new id) for a staff account vouched for elsewhere (tenant SSO, issue 6). */
  logInAs(req: Request, user: StaffUser): Promise<StaffProfile>;
  /** The signed-in staff member, or null. */
  profile(req: Request): StaffProfile | null;
  /** The actor of a session-only request (staff or anonymous). */
  sessionActor(req: Request): Actor;
  /** The idle time-out of staff sessions (WCAG 2.2.1: pages warn and let the person extend). */
  idle: IdleTimeout;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Build staff sign-in over the storage port. */
export function createStaffAuth(store: Store, options: { sessionSecret: string; idleMs?: number; now?: () => number }): StaffAuth {
  const passport = new Passport();
  passport.use(
    new LocalStrategy({ usernameField: 'username', passwordField: 'password', session: true }, (username, password, done) => {
      verifyStaffLogin(store, username, password).then(
        (user) => done(null, user === null ? false : toUser(user)),
        (error: unknown) => done(error),
      );
    }),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  passport.deserializeUser((id: unknown, done) => {
    if (typeof id !== 'string') return done(null, false);
    store.getStaffUser(id).then(
      // A disabled or deleted account loses its sessions at once.
      (user) => done(null, user === null || user.disabled ? false : toUser(user)),
      (error: unknown) => done(error),
    );
  });

  // One store object per middleware: express-session installs its own `generate` on the store.
  const sessionFor = (secure: boolean): RequestHandler =>
    session({
      name: SESSION_COOKIE,
      secret: options.sessionSecret,
      store: new PortSessionStore(store),
      resave: false,
      saveUninitialized: false,
      unset: 'destroy',
      cookie: { httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_MAX_AGE_MS, path: '/' },
    });
  const localSession = sessionFor(false);
  const secureSession = sessionFor(true);
  // Secure cookies everywhere except on the developer's own machine, which speaks plain HTTP.
  const chooseSession: RequestHandler = (req, res, next) => (LOOPBACK_HOSTS.has(req.hostname) ? localSession : secureSession)(req, res, next);

  const logOut = (req: Request, res: Response): Promise<void> =>
    new Promise((resolve, reject) => {
      const clear = (): void => {
        res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
        resolve();
      };
      if (req.session === undefined) return clear();
      req.session.destroy((error: unknown) => (error ? reject(error) : clear()));
    });
  const idle = createIdleTimeout(options.idleMs ?? DEFAULT_STAFF_IDLE_MS, logOut, options.now);

  return {
    middleware: [chooseSession, passport.initialize(), passport.session(), idle.middleware],
    idle,

    logIn: (req, res) =>
      new Promise((resolve, reject) => {
        const next: NextFunction = (error?: unknown) => (error === undefined ? resolve(null) : reject(error));
        passport.authenticate('local', { session: true }, (error: unknown, user: Express.User | false) => {
          if (error) return reject(error);
          if (!user) return resolve(null);
          // passport 0.7 regenerates the session here, so a planted session id never signs in.
          req.logIn(user, (loginError: unknown) => {
            if (loginError) return reject(loginError);
            idle.signedIn(req);
            resolve(toProfile(user));
          });
        })(req, res, next);
      }),

    logOut,

    logInAs: (req, account) =>
      new Promise((resolve, reject) => {
        const user = toUser(account);
        // passport 0.7 regenerates the session here too: the SSO login gets a new session id.
        req.logIn(user, (error: unknown) => (error ? reject(error) : resolve(toProfile(user))));
      }),

    profile: (req) => (req.user === undefined ? null : toProfile(req.user)),

    sessionActor: (req) =>
      req.user === undefined
        ? ANONYMOUS
        : { kind: 'staff', userId: req.user.id, username: req.user.username, tenantRoles: req.user.tenantRoles, queues: req.user.queues, platformAdmin: req.user.platformAdmin },
  };
}

// Rights are read from the stored account on every request (deserializeUser), so a change of
// roles, queues or a disabled account takes effect at once, not at the next login.
function toUser(user: StaffUser): Express.User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    tenantRoles: user.tenantRoles,
    queues: user.queues ?? {},
    platformAdmin: user.platformAdmin === true,
  };
}

function toProfile(user: Express.User): StaffProfile {
  return { id: user.id, username: user.username, displayName: user.displayName, tenantRoles: user.tenantRoles, queues: user.queues, platformAdmin: user.platformAdmin };
}
