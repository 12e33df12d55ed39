import { randomUUID } from 'node:crypto';
import type { JsonValue, LocalText, ServiceDefinition } from '@samform/model';
import type { OutboxMessage } from '@samform/store';
import { citizenEmail } from './answers-as-text.ts';

const TEXT = {
  sv: {
    subject: (reference: string, title: string) => `Nytt om ditt ärende ${reference}: ${title}`,
    intro: (municipality: string, title: string) => `Hej!\n\n${municipality} har skrivit till dig om det du skickade via e-tjänsten "${title}".`,
    moved: 'Ditt ärende är nu vid',
    message: 'Meddelande',
    reference: 'Ärendenummer',
    status: 'Här ser du hur det går för ditt ärende',
    footer: 'Ange ärendenumret om du kontaktar oss. Det här meddelandet går inte att svara på.',
  },
  en: {
    subject: (reference: string, title: string) => `News about your case ${reference}: ${title}`,
    intro: (municipality: string, title: string) => `Hello,\n\n${municipality} has written to you about what you sent through the e-service "${title}".`,
    moved: 'Your case is now at',
    message: 'Message',
    reference: 'Case reference',
    status: 'See how your case is doing',
    footer: 'Give the case reference if you contact us. This message cannot be replied to.',
  },
};

/**
 * A case worker's message to the citizen as an e-mail in the citizen's locale (sv or en; other
 * locales get Swedish), with the new stop when the case moved and the status link; null when
 * the answers hold no e-mail address (the receipt's rule). Only what the status page shows goes
 * in: never notes, answers or who worked the case (the link is a bearer secret, ADR 0011).
 */
export function citizenMessageEmail(input: {
  definition: ServiceDefinition;
  caseId: string;
  reference: string;
  locale: string;
  municipality: string;
  data: { [key: string]: JsonValue };
  message: string;
  /** The stop the case moved to, when the message came with a move. */
  movedTo?: LocalText;
  /** The absolute status link. */
  statusUrl: string;
  at: string;
}): OutboxMessage | null {
  const to = citizenEmail(input.definition, input.data);
  if (to === null) return null;
  const locale = input.locale === 'en' ? 'en' : 'sv';
  const t = TEXT[locale];
  const title = input.definition.title[locale] ?? input.definition.title.sv;
  const lines = [t.intro(input.municipality, title), '', `${t.reference}: ${input.reference}`];
  if (input.movedTo !== undefined) lines.push(`${t.moved}: ${input.movedTo[locale] ?? input.movedTo.sv}`);
  lines.push('', `${t.message}:`, input.message, '', `${t.status}:`, input.statusUrl, '', t.footer);
  return {
    // Random: one e-mail per message event, never merged with another one's.
    id: `case-message:${input.caseId}:${randomUUID()}`,
    kind: 'case-message',
    to: [to],
    subject: t.subject(input.reference, title),
    text: lines.join('\n'),
    createdAt: input.at,
  };
}
