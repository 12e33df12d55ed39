import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { openSqliteStore } from '@samform/store';
import { startSamform } from '../src/start-samform.ts';
import { smtpMailer } from '../src/delivery/mailer.ts';
import { startDemoMailbox } from '../src/demo-mailbox/start-demo-mailbox.ts';
import { CHEAP_COST, LogCapture, call, listen, tempDir } from './harness.ts';
import { eventually, startDeliveryServer, testDeliveryConfig } from './delivery-harness.ts';
import express from 'express';

const MARKUP = '<img src=x onerror=alert(1)>';

function tcpServers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
}

describe('the demo mailbox in demo mode without SMTP_URL', () => {
  let server: Awaited<ReturnType<typeof startDeliveryServer>>;
  beforeAll(async () => {
    server = await startDeliveryServer(testDeliveryConfig());
  });
  afterAll(() => server.close());

  it('when a citizen sends a case with an e-mail address, then the receipt shows on /demo/e-post with the markup of the answers escaped', async () => {
    expect(server.running.demoMailboxUrl).toBe(`${server.url}/demo/e-post`);
    const data = {
      ...exampleAnswers('region-jamtland-harjedalen', 'felanmalan'),
      description: `Trasig lampa ${MARKUP}`,
      contact: { name: 'Åsa Sjöberg', email: 'asa.demo@example.se' },
    };
    const sent = await call(`${server.url}/api/t/ostersund/services/felanmalan/submissions?lang=sv`, { body: { data } });
    expect(sent.status).toBe(201);
    const reference = (sent.body as { reference: string }).reference;

    let list = '';
    await eventually(async () => {
      list = await (await fetch(`${server.url}/demo/e-post`)).text();
      return list.includes(reference);
    }, 'the receipt on /demo/e-post', 15_000);
    const listAnswer = await fetch(`${server.url}/demo/e-post`);
    expect(listAnswer.status).toBe(200);
    expect(listAnswer.headers.get('cache-control')).toBe('no-store');
    expect(listAnswer.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(list).toContain('<html lang="sv">');
    expect(list).toContain('Demo-e-post — endast demo: inget skickas ut');
    expect(list).toContain('asa.demo@example.se');
    // The subject's encoded words are decoded: å, ä and ö as the citizen sees them.
    expect(list).toContain(`Vi har tagit emot ditt ärende ${reference}: Felanmälan`);
    expect(list).not.toMatch(/<script|style=/);

    const href = /href="(\/demo\/e-post\/\d+)">Vi har tagit emot ditt ärende/.exec(list)?.[1];
    expect(href).toBeDefined();
    const message = await fetch(`${server.url}${href}`);
    expect(message.status).toBe(200);
    const html = await message.text();
    expect(html).toContain(`Ärendenummer: ${reference}`);
    expect(html).toContain('Trasig lampa &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<dt>Från</dt><dd>Samform &lt;no-reply@samform.test&gt;</dd>');
    expect(html).not.toMatch(/<script|style=/);
    // Sent, as far as the outbox knows: the mailbox accepted it.
    const [receipt] = (await server.store.listOutboxMessages('ostersund', { kind: 'receipt', limit: 500 })).filter((m) => m.to.includes('asa.demo@example.se'));
    expect(receipt?.status).toBe('sent');
  });

  it('when a message address holds nothing, then it answers 404 with a page that says so', async () => {
    for (const id of ['999999', 'abc', '0']) {
      const answer = await fetch(`${server.url}/demo/e-post/${id}`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain('Meddelandet finns inte');
    }
  });

  it('serves its stylesheet from the server itself (the CSP allows no inline style)', async () => {
    const css = await fetch(`${server.url}/demo/e-post.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('.mail-text');
  });
});

describe('the demo mailbox itself', () => {
  it('keeps only the newest messages, newest first, and forgets the oldest', async () => {
    const mailbox = await startDemoMailbox({ limit: 3 });
    const mailer = smtpMailer(mailbox.smtpUrl, 'Samform <no-reply@samform.test>');
    try {
      for (let n = 1; n <= 4; n++) await mailer.send({ to: [`n${n}@example.se`], subject: `Nummer ${n} – åäö`, text: `Rad ${n}\nmed å, ä och ö ${'x'.repeat(100)}` });
      expect(mailbox.list().map((m) => m.subject)).toEqual(['Nummer 4 – åäö', 'Nummer 3 – åäö', 'Nummer 2 – åäö']);
      expect(mailbox.list()[0]?.text).toBe(`Rad 4\nmed å, ä och ö ${'x'.repeat(100)}`);
      expect(mailbox.list()[0]?.to).toEqual(['n4@example.se']);
      expect(mailbox.get('1')).toBeUndefined();
      const app = express().use(mailbox.pages);
      const http = await listen(app);
      try {
        expect((await fetch(`${http.url}/demo/e-post/1`)).status).toBe(404);
        expect((await fetch(`${http.url}/demo/e-post/4`)).status).toBe(200);
      } finally {
        await http.close();
      }
    } finally {
      mailer.close();
      await mailbox.close();
    }
  });
});

describe('production mode', () => {
  it('starts no SMTP server and has no /demo/e-post, even with workers and no SMTP_URL', async () => {
    const temp = tempDir();
    const store = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
    const before = tcpServers();
    const logs = new LogCapture();
    const running = await startSamform({ store, mode: 'production', host: '127.0.0.1', logDestination: logs, passwordCost: CHEAP_COST, delivery: testDeliveryConfig() });
    try {
      // Only Samform's own HTTP server listens: no SMTP server, no demo IdP.
      expect(tcpServers() - before).toBe(1);
      expect(running.demoMailboxUrl).toBeUndefined();
      for (const url of ['/demo/e-post', '/demo/e-post/1', '/demo/e-post.css']) expect((await fetch(`${running.url}${url}`)).status).toBe(404);
      expect(logs.text).not.toContain('demo mailbox');
      expect(logs.text).toContain('SMTP_URL is not set');
    } finally {
      await running.close();
      await store.close();
      temp.cleanup();
    }
  });
});
