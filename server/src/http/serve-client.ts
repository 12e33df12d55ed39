import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * The built client's files: hashed files under /assets cached for a year (a missing one is a
 * plain 404, never a page), other files of the build uncached. The citizen pages are not served
 * from here: the server renders them (src/pages). The staff area is a client-side app: its shell
 * `staff.html` answers /staff and every address under it, uncached like the citizen shell.
 * Without a build (tests, a fresh checkout) nothing is served.
 */
export function serveClient(clientDir: string | undefined): Router {
  const router = Router();
  if (clientDir === undefined || !existsSync(path.resolve(clientDir, 'index.html'))) return router;
  router.use(
    '/assets',
    express.static(path.join(clientDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
    (_req, res) => {
      res.status(404).type('text/plain').send('Not found');
    },
  );
  // The shell itself is for the server's pages only.
  router.get('/index.html', (_req, res) => res.redirect(301, '/'));
  const staffShell = path.resolve(clientDir, 'staff.html');
  if (existsSync(staffShell)) {
    router.get('/staff.html', (_req, res) => res.redirect(301, '/staff'));
    router.get(['/staff', '/staff/{*rest}'], (_req, res) => {
      // The staff pages hold nothing personal themselves (the API answers do, uncached), but the
      // shell names the current build's hashed files, so it is revalidated every time.
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(staffShell);
    });
  }
  router.use(express.static(clientDir, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  return router;
}
