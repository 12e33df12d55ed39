import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, logIn } from './harness.ts';
import { eventually, startDeliveryServer, startSmtp, testDeliveryConfig } from './delivery-harness.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: Awaited<ReturnType<typeof startDeliveryServer>>;
let admin: string;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startDeliveryServer(testDeliveryConfig({ smtpUrl: smtp.url }));
  admin = await logIn(server.url, 'ostersund.admin', 'demo-ostersund');
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

const answers = (email?: string) => ({
  ...exampleAnswers('region-jamtland-harjedalen', 'felanmalan'),
  ...(email === undefined ? {} : { contact: { name: 'Åsa Sjöberg', email } }),
});

async function submit(data: object, lang: 'sv' | 'en') {
  const receipt = await call(`${server.url}/api/t/ostersund/services/felanmalan/submissions?lang=${lang}`, { body: { data } });
  expect(receipt.status).toBe(201);
  return receipt.body as { id: string; reference: string; queue: string };
}

describe('e-mail delivery', () => {
  it('when a citizen writing in Swedish gives an e-mail address, then a Swedish receipt with the reference and what happens next arrives', async () => {
    const receipt = await submit(answers('asa.sv@example.se'), 'sv');
    await eventually(() => smtp.mails.some((m) => m.to.includes('asa.sv@example.se')), 'the Swedish receipt');
    const mail = smtp.mails.find((m) => m.to.includes('asa.sv@example.se'))!;
    expect(mail.from).toBe('no-reply@samform.test');
    expect(mail.subject).toMatch(new RegExp(`^Vi har tagit emot ditt ärende ${receipt.reference}: Felanmälan`));
    expect(mail.text).toContain(`Ärendenummer: ${receipt.reference}`);
    expect(mail.text).toContain('Vad händer nu?');
    expect(mail.text).toContain('Tack för din felanmälan. Vi går igenom anmälningar varje vardag');
    expect(mail.text).toContain('Storgatan 12');
    expect(mail.text).not.toContain('What happens next');
  });

  it('when a citizen writing in English gives an e-mail address, then the receipt is in English', async () => {
    const receipt = await submit(answers('asa.en@example.se'), 'en');
    await eventually(() => smtp.mails.some((m) => m.to.includes('asa.en@example.se')), 'the English receipt');
    const mail = smtp.mails.find((m) => m.to.includes('asa.en@example.se'))!;
    expect(mail.subject).toMatch(new RegExp(`^We have received your case ${receipt.reference}: `));
    expect(mail.text).toContain(`Case reference: ${receipt.reference}`);
    expect(mail.text).toContain('What happens next?');
    expect(mail.text).toContain('Thank you for your report.');
    expect(mail.text).not.toContain('Vad händer nu?');
  });

  it('when the citizen gives no e-mail address, then no receipt is written to the outbox', async () => {
    const before = (await server.store.listOutboxMessages('ostersund', { kind: 'receipt', limit: 500 })).length;
    await submit(answers(), 'sv');
    expect(await server.store.listOutboxMessages('ostersund', { kind: 'receipt', limit: 500 })).toHaveLength(before);
  });

  it('when a queue delivers by e-mail, then each case arrives at its address in Swedish with the answers laid out, and is acked', async () => {
    const put = await call(`${server.url}/api/t/ostersund/queues/va`, {
      method: 'PUT',
      headers: { cookie: admin, origin: server.url },
      body: { name: { sv: 'Vatten och avlopp', en: 'Water and sewage' }, delivery: { kind: 'email', to: 'va@ostersund.example' } },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ id: 'va', name: { sv: 'Vatten och avlopp', en: 'Water and sewage' }, delivery: { kind: 'email', to: 'va@ostersund.example' } });

    const receipt = await submit(answers('asa.case@example.se'), 'en');
    expect(receipt.queue).toBe('va');
    await eventually(() => smtp.mails.some((m) => m.to.includes('va@ostersund.example') && m.subject.includes(receipt.reference)), 'the queue e-mail');
    const mail = smtp.mails.find((m) => m.subject.includes(receipt.reference) && m.to.includes('va@ostersund.example'))!;
    expect(mail.subject).toMatch(new RegExp(`^Nytt ärende ${receipt.reference}: Felanmälan`));
    expect(mail.text).toContain('Ett nytt ärende har kommit in till kön "Vatten och avlopp"');
    expect(mail.text).toContain(`Ärendenummer: ${receipt.reference}`);
    // Labels and option texts in Swedish whatever language the citizen wrote in.
    expect(mail.text).toContain('\nVad är det för fel?: Vattenläcka\n');
    expect(mail.text).toContain('Åsa Sjöberg');
    await eventually(async () => (await server.store.listQueueItems('ostersund', 'va', { status: 'acked', limit: 500 })).some((i) => i.id === receipt.id), 'the ack');
  });

  it('when the SMTP server answers 451 for a while, then the receipt is retried and arrives once it accepts again', async () => {
    smtp.failNext(2);
    const receipt = await submit(answers('asa.retry@example.se'), 'sv');
    await eventually(() => smtp.mails.some((m) => m.to.includes('asa.retry@example.se')), 'the retried receipt');
    const [message] = await server.store.listOutboxMessages('ostersund', { kind: 'receipt', limit: 500 }).then((all) => all.filter((m) => m.id === `receipt:${receipt.id}`));
    expect(message).toMatchObject({ status: 'sent' });
    expect(smtp.mails.filter((m) => m.to.includes('asa.retry@example.se'))).toHaveLength(1);
  });
});
