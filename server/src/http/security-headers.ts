import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { staticHeaders } from './static-headers.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

// Nothing on our pages uses these; a script injected despite the CSP gets none of them either.
const PERMISSIONS_POLICY = ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'interest-cohort=()', 'browsing-topics=()'].join(', ');

/**
 * What every answer carries, before any route (so error answers and 404s have it too): a CSP that
 * allows nothing (the client's pages widen it), a Permissions-Policy, and HSTS except on the
 * developer's own machine, which speaks plain HTTP.
 */
export const baselineSecurityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (!LOOPBACK_HOSTS.has(req.hostname)) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
};

/** API answers are data only: nothing may load, frame or run from them. */
export const apiSecurityHeaders: RequestHandler = staticHeaders(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    // Set by the baseline, outside loopback only.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  }),
);

/** The client's pages: own scripts and styles only, no eval, no inline script, no framing. */
export const clientSecurityHeaders: RequestHandler = staticHeaders(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  }),
);
