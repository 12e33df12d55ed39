import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, logIn } from './harness.ts';
import { eventually, startDeliveryServer, startSmtp, testDeliveryConfig } from './delivery-harness.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: Awaited<ReturnType<typeof startDeliveryServer>>;
let worker: string;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startDeliveryServer(testDeliveryConfig({ smtpUrl: smtp.url }));
  worker = await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund');
}, 60_000);
afterAll(async () => {
  await server.close();
  await smtp.close();
});

const NOTE = 'Internt: ring fastighetsägaren, hemligt';

async function submitIdea(email: string | undefined, lang: 'sv' | 'en'): Promise<{ id: string; reference: string; statusPath: string }> {
  const base = exampleAnswers('ostersund', 'lamna-din-ide', new Date()) as { [key: string]: unknown };
  const data = { ...base, contact: email === undefined ? { name: 'Åsa Sjöberg' } : { name: 'Åsa Sjöberg', email } };
  const { status, body } = await call(`${server.url}/api/t/ostersund/services/lamna-din-ide/submissions?lang=${lang}`, { body: { data } });
  expect(status).toBe(201);
  const found = await server.store.getCase('ostersund', body.id);
  return { id: body.id, reference: body.reference, statusPath: `/t/ostersund/status/${found!.case.statusToken}` };
}

const change = (id: string, path: string, body: object) =>
  call(`${server.url}/api/t/ostersund/cases/${id}/${path}`, { headers: { cookie: worker, origin: server.url }, body });

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address) && !m.subject.startsWith('Vi har tagit emot') && !m.subject.startsWith('We have received'));

describe('a message to the citizen by e-mail', () => {
  it('when a case worker writes to a citizen who wrote in Swedish, then a Swedish e-mail with the message and the status link arrives, and no note', async () => {
    const idea = await submitIdea('idea.sv@example.se', 'sv');
    expect((await change(idea.id, 'notes', { text: NOTE })).status).toBe(200);
    expect((await change(idea.id, 'messages', { text: 'Kan du berätta mer om var det gäller?' })).status).toBe(200);
    await eventually(() => mailsTo('idea.sv@example.se').length === 1, 'the Swedish message e-mail');
    const mail = mailsTo('idea.sv@example.se')[0]!;
    expect(mail.subject).toBe(`Nytt om ditt ärende ${idea.reference}: Lämna din idé`);
    expect(mail.text).toContain(`Ärendenummer: ${idea.reference}`);
    expect(mail.text).toContain('Meddelande:\nKan du berätta mer om var det gäller?');
    expect(mail.text).toContain(`${server.url}${idea.statusPath}`);
    expect(mail.text).not.toContain('hemligt');
    expect(mail.text).not.toContain('Handläggare');
    // The note alone sent nothing.
    expect(await server.store.listOutboxMessages('ostersund', { kind: 'case-message', limit: 500 }).then((all) => all.filter((m) => m.to.includes('idea.sv@example.se')))).toHaveLength(1);
  });

  it('when a case worker moves the case of a citizen who wrote in English with a message, then the English e-mail names the new stop', async () => {
    const idea = await submitIdea('idea.en@example.se', 'en');
    expect((await change(idea.id, 'notes', { text: NOTE })).status).toBe(200);
    const moved = await change(idea.id, 'status', { to: 'investigating', message: 'We are looking into it.' });
    expect(moved.status).toBe(200);
    await eventually(() => mailsTo('idea.en@example.se').length === 1, 'the English message e-mail');
    const mail = mailsTo('idea.en@example.se')[0]!;
    expect(mail.subject).toBe(`News about your case ${idea.reference}: Share your idea`);
    expect(mail.text).toContain(`Case reference: ${idea.reference}`);
    expect(mail.text).toContain('Your case is now at: The working group investigates');
    expect(mail.text).toContain('Message:\nWe are looking into it.');
    expect(mail.text).toContain(`See how your case is doing:\n${server.url}${idea.statusPath}`);
    expect(mail.text).not.toContain('hemligt');
    expect(mail.text).not.toContain('Meddelande');
  });

  it('when a case moves without a message, or the citizen gave no e-mail address, then no message e-mail is written', async () => {
    const before = (await server.store.listOutboxMessages('ostersund', { kind: 'case-message', limit: 500 })).length;
    const silent = await submitIdea('idea.silent@example.se', 'sv');
    expect((await change(silent.id, 'status', { to: 'investigating' })).status).toBe(200);
    const anonymous = await submitIdea(undefined, 'sv');
    expect((await change(anonymous.id, 'messages', { text: 'Tack för idén!' })).status).toBe(200);
    expect(await server.store.listOutboxMessages('ostersund', { kind: 'case-message', limit: 500 })).toHaveLength(before);
  });
});
