import { DEMO_IDP_CSS } from '../demo-idp/persona-page.ts';
import type { DemoMail } from './start-demo-mailbox.ts';

/** The label every demo mailbox page carries, so nobody thinks the e-mails went out. */
export const DEMO_MAILBOX_LABEL = 'Demo-e-post — endast demo: inget skickas ut';

/** Where the pages live. */
export const DEMO_MAILBOX_PATH = '/demo/e-post';

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'medium' });

function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(STOCKHOLM.format(new Date(iso)))}</time>`;
}

/** A whole page: no inline script or style (the pages' CSP allows only the server's own files). */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${DEMO_MAILBOX_LABEL}</title>
<link rel="stylesheet" href="${DEMO_MAILBOX_PATH}.css">
</head>
<body>
<header class="banner"><p><strong>${DEMO_MAILBOX_LABEL}.</strong> Här hamnar e-post som Samform skickar i demoläget, i stället för att gå ut. <span lang="en">Demo mailbox, demo only: nothing is sent out.</span></p></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

/** The list, newest first: time, recipients and subject, each subject a link to the message. */
export function mailboxListPage(mails: readonly DemoMail[], limit: number): string {
  const rows = mails
    .map(
      (mail) => `<tr>
<td>${time(mail.receivedAt)}</td>
<td>${escapeHtml(mail.to.join(', '))}</td>
<td><a href="${DEMO_MAILBOX_PATH}/${encodeURIComponent(mail.id)}">${escapeHtml(mail.subject === '' ? '(utan ämne)' : mail.subject)}</a></td>
</tr>`,
    )
    .join('\n');
  const table =
    mails.length === 0
      ? '<p>Ingen e-post ännu. Skicka in ett ärende med en e-postadress, så kommer kvittot hit.</p>'
      : `<table>
<caption>${mails.length === 1 ? '1 meddelande' : `${mails.length} meddelanden`}, nyaste först</caption>
<thead><tr><th scope="col">Tid</th><th scope="col">Till</th><th scope="col">Ämne</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page(
    'Demo-e-post',
    `<h1>Demo-e-post</h1>
<p>Kvitton till invånare, meddelanden i ärenden, köer som levereras med e-post och meddelanden till administratörer. De senaste ${limit} sparas i minnet tills servern startas om. Ladda om sidan för att se nya.</p>
${table}`,
  );
}

const SHOWN_HEADERS = ['from', 'to', 'cc', 'subject', 'date', 'message-id'];
const HEADER_LABELS: Record<string, string> = { from: 'Från', to: 'Till', cc: 'Kopia', subject: 'Ämne', date: 'Datum', 'message-id': 'Meddelande-id' };

/** One message: its headers and its text body, as text. */
export function mailboxMessagePage(mail: DemoMail): string {
  const headers = SHOWN_HEADERS.flatMap((name) => mail.headers.filter((h) => h.name.toLowerCase() === name))
    .map((h) => `<dt>${escapeHtml(HEADER_LABELS[h.name.toLowerCase()] ?? h.name)}</dt><dd>${escapeHtml(h.value)}</dd>`)
    .join('\n');
  return page(
    mail.subject === '' ? 'Meddelande' : mail.subject,
    `<p><a href="${DEMO_MAILBOX_PATH}">Tillbaka till all demo-e-post</a></p>
<h1>${escapeHtml(mail.subject === '' ? '(utan ämne)' : mail.subject)}</h1>
<dl class="headers">
<dt>Mottaget</dt><dd>${time(mail.receivedAt)}</dd>
<dt>Mottagare</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
${headers}
</dl>
<h2>Meddelandet</h2>
<pre class="mail-text">${escapeHtml(mail.text)}</pre>`,
  );
}

/** The page for an address that holds no message (a restart forgets them). */
export function mailboxNotFoundPage(): string {
  return page(
    'Meddelandet finns inte',
    `<h1>Meddelandet finns inte</h1>
<p>Demo-e-posten sparar bara de senaste meddelandena, och glömmer dem när servern startas om.</p>
<p><a href="${DEMO_MAILBOX_PATH}">Till all demo-e-post</a></p>`,
  );
}

/** The demo IdP's plain, high-contrast styles, and the mailbox's table and message text. */
export const DEMO_MAILBOX_CSS = `${DEMO_IDP_CSS}
main { max-width: 60rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid #595959; overflow-wrap: anywhere; }
a { color: #0b4f8a; }
a:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
.headers { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.headers dt { font-weight: 600; }
.headers dd { margin: 0; overflow-wrap: anywhere; }
.mail-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; background: #f4f4f4; border: 1px solid #595959; padding: 1rem; }
`;
