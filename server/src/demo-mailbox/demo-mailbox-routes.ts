import { Router } from 'express';
import type { Response } from 'express';
import { DEMO_MAILBOX_CSS, DEMO_MAILBOX_PATH, mailboxListPage, mailboxMessagePage, mailboxNotFoundPage } from './demo-mailbox-page.ts';
import type { RunningDemoMailbox } from './start-demo-mailbox.ts';

function sendPage(res: Response, status: number, html: string): void {
  // The messages hold the demo's personal data: no cache keeps them, no search engine lists them.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex');
  res.status(status).type('html').send(html);
}

/** /demo/e-post (the list), /demo/e-post/{id} (one message) and their stylesheet; mounted in demo mode only. */
export function demoMailboxRoutes(mailbox: Pick<RunningDemoMailbox, 'list' | 'get' | 'limit'>): Router {
  const router = Router();
  router.get(`${DEMO_MAILBOX_PATH}.css`, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('css').send(DEMO_MAILBOX_CSS);
  });
  router.get(DEMO_MAILBOX_PATH, (_req, res) => sendPage(res, 200, mailboxListPage(mailbox.list(), mailbox.limit)));
  router.get(`${DEMO_MAILBOX_PATH}/:id`, (req, res) => {
    const id = String(req.params.id);
    const mail = /^[1-9]\d{0,9}$/.test(id) ? mailbox.get(id) : undefined;
    if (mail === undefined) sendPage(res, 404, mailboxNotFoundPage());
    else sendPage(res, 200, mailboxMessagePage(mail));
  });
  return router;
}
