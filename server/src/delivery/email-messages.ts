import type { JsonValue, ServiceDefinition } from '@samform/model';
import type { OutboxMessage, QueueItem } from '@samform/store';
import { answersAsText, citizenEmail } from './answers-as-text.ts';

type Json = { [key: string]: JsonValue };

const RECEIPT = {
  sv: {
    subject: (title: string, reference: string) => `Vi har tagit emot ditt ärende ${reference}: ${title}`,
    intro: (title: string, municipality: string) => `Hej!\n\n${municipality} har tagit emot det du skickade via e-tjänsten "${title}".`,
    reference: 'Ärendenummer',
    received: 'Mottaget',
    next: 'Vad händer nu?',
    defaultNext: 'Ditt ärende går nu till den som handlägger det. Vi hör av oss om vi behöver veta mer.',
    answers: 'Det här skickade du',
    footer: 'Ange ärendenumret om du kontaktar oss. Det här meddelandet går inte att svara på.',
  },
  en: {
    subject: (title: string, reference: string) => `We have received your case ${reference}: ${title}`,
    intro: (title: string, municipality: string) => `Hello,\n\n${municipality} has received what you sent through the e-service "${title}".`,
    reference: 'Case reference',
    received: 'Received',
    next: 'What happens next?',
    defaultNext: 'Your case now goes to the person who handles it. We will get in touch if we need to know more.',
    answers: 'What you sent',
    footer: 'Give the case reference if you contact us. This message cannot be replied to.',
  },
};

// Made once: toLocaleString builds a new formatter (locale data, time zone) on every call, which
// cost more than validating a submission.
const STOCKHOLM_SV = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });
const STOCKHOLM_EN = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });

/** Swedish time of receipt, as the municipality's records show it. */
function stockholmTime(iso: string, locale: string): string {
  return (locale === 'en' ? STOCKHOLM_EN : STOCKHOLM_SV).format(new Date(iso));
}

/**
 * The citizen's receipt e-mail in their locale (sv or en; other locales get Swedish), with the
 * reference and what happens next; null when the answers hold no e-mail address.
 */
export function citizenReceipt(input: {
  definition: ServiceDefinition;
  submissionId: string;
  reference: string;
  receivedAt: string;
  locale: string;
  municipality: string;
  data: Json;
}): OutboxMessage | null {
  const to = citizenEmail(input.definition, input.data);
  if (to === null) return null;
  const locale = input.locale === 'en' ? 'en' : 'sv';
  const t = RECEIPT[locale];
  const title = input.definition.title[locale] ?? input.definition.title.sv;
  const next = input.definition.receipt?.nextSteps[locale] ?? input.definition.receipt?.nextSteps.sv ?? t.defaultNext;
  const text = [
    t.intro(title, input.municipality),
    '',
    `${t.reference}: ${input.reference}`,
    `${t.received}: ${stockholmTime(input.receivedAt, locale)}`,
    '',
    t.next,
    next,
    '',
    `${t.answers}:`,
    answersAsText(input.definition, input.data, locale),
    '',
    t.footer,
  ].join('\n');
  return { id: `receipt:${input.submissionId}`, kind: 'receipt', to: [to], subject: t.subject(title, input.reference), text, createdAt: input.receivedAt };
}

/** A case for a queue delivered by e-mail, in Swedish (the municipality's language). */
export function caseEmail(input: { definition: ServiceDefinition; item: QueueItem; queueName: string; municipality: string }): { subject: string; text: string } {
  const { item, definition } = input;
  const title = definition.title.sv;
  return {
    subject: `Nytt ärende ${item.reference}: ${title}`,
    text: [
      `Ett nytt ärende har kommit in till kön "${input.queueName}" hos ${input.municipality}.`,
      '',
      `Ärendenummer: ${item.reference}`,
      `E-tjänst: ${title} (${item.service}, version ${item.version})`,
      `Mottaget: ${stockholmTime(item.receivedAt, 'sv')}`,
      `Id: ${item.id}`,
      '',
      'Svar:',
      answersAsText(definition, item.data, 'sv'),
    ].join('\n'),
  };
}

/** To the tenant's admins: a webhook started failing today (one per queue and day). */
export function webhookFailureNotice(input: { tenant: string; queue: string; url: string; error: string; reference: string; to: string[]; now: Date }): OutboxMessage {
  const day = input.now.toISOString().slice(0, 10);
  return {
    id: `webhook-failure:${input.queue}:${day}`,
    kind: 'webhook-failure',
    to: input.to,
    subject: `Samform: leveransen till kön "${input.queue}" misslyckas`,
    text: [
      `Webhooken för kön "${input.queue}" (${input.url}) svarade inte som den skulle.`,
      `Ärende: ${input.reference}`,
      `Fel: ${input.error}`,
      '',
      'Samform försöker igen med allt längre mellanrum i minst 48 timmar. Därefter läggs ärendet bland de',
      'olevererade (dead letters), där en administratör kan skicka det igen. Ni får inget nytt meddelande',
      'om samma kö i dag; en daglig sammanfattning kommer så länge något är olevererat.',
    ].join('\n'),
    createdAt: input.now.toISOString(),
  };
}

/** To the tenant's admins: the day's digest of dead-lettered and failing deliveries. */
export function deliveryDigest(input: {
  to: string[];
  now: Date;
  queues: { queue: string; dead: QueueItem[]; failing: QueueItem[] }[];
}): OutboxMessage {
  const lines: string[] = ['Leveranser som inte har gått fram:', ''];
  for (const { queue, dead, failing } of input.queues) {
    lines.push(`Kö "${queue}": ${dead.length} olevererade (dead letters), ${failing.length} som försöks igen.`);
    for (const item of [...dead, ...failing]) lines.push(`  ${item.reference} (${item.status === 'dead' ? 'olevererat' : 'försöks igen'}): ${item.lastError ?? ''}`);
    lines.push('');
  }
  lines.push('Olevererade ärenden kan skickas igen under Köer i administrationen eller med POST …/items/{id}/redrive.');
  return {
    id: `digest:${input.now.toISOString().slice(0, 10)}`,
    kind: 'digest',
    to: input.to,
    subject: 'Samform: daglig sammanfattning av leveranser som inte har gått fram',
    text: lines.join('\n'),
    createdAt: input.now.toISOString(),
  };
}
