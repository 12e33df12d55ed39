import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * The built client: hashed files under /assets cached for a year, index.html never cached
 * (it names the current hashes), and index.html for every other GET so client routes work.
 * Without a build (tests, a fresh checkout) non-API pages answer a plain 404.
 */
export function serveClient(clientDir: string | undefined): Router {
  const router = Router();
  const indexFile = clientDir === undefined ? undefined : path.resolve(clientDir, 'index.html');
  if (clientDir === undefined || indexFile === undefined || !existsSync(indexFile)) {
    router.use((_req, res) => {
      res.status(404).type('text/plain').send('Not found');
    });
    return router;
  }
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
  router.use(express.static(clientDir, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  router.get('/{*splat}', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
