import type { DemoPersona } from './demo-personas.ts';

/** The label every demo IdP page carries, so nobody takes it for a real e-ID. */
export const DEMO_LABEL = 'Test-e-legitimation — endast demo';

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A whole page: no inline script or style, so the strict CSP the IdP sends holds. */
export function demoIdpPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${DEMO_LABEL}</title>
<link rel="stylesheet" href="/demo-idp.css">
</head>
<body>
<header class="banner"><p><strong>${DEMO_LABEL}.</strong> Här sker ingen riktig legitimering. <span lang="en">Test e-ID, demo only: nobody is really identified here.</span></p></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

/** The persona picker: one radio button per persona in a fieldset, a submit button, and a cancel button. */
export function personaPickerPage(uid: string, personas: readonly DemoPersona[], clientName: string): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const options = personas
    .map(
      (persona, index) => `<div class="persona">
<input type="radio" name="persona" id="persona-${escapeHtml(persona.id)}" value="${escapeHtml(persona.id)}" aria-describedby="persona-${escapeHtml(persona.id)}-about"${index === 0 ? ' checked' : ''}>
<label for="persona-${escapeHtml(persona.id)}">${escapeHtml(persona.label)}</label>
<p class="about" id="persona-${escapeHtml(persona.id)}-about">${escapeHtml(persona.description)}</p>
</div>`,
    )
    .join('\n');
  return demoIdpPage(
    'Välj testperson',
    `<h1>${DEMO_LABEL}</h1>
<p>${escapeHtml(clientName)} vill att du loggar in. Välj vilken testperson du vill vara.</p>
<form method="post" action="${action}">
<fieldset>
<legend>Testperson</legend>
${options}
</fieldset>
<div class="actions"><button type="submit" name="action" value="login">Logga in som vald testperson</button></div>
</form>
<form method="post" action="${action}/abort">
<div class="actions"><button type="submit" class="secondary">Avbryt inloggningen</button></div>
</form>`,
  );
}

/** The IdP's own error page (a bad request to it, an expired interaction). */
export function demoIdpErrorPage(error: string, description: string | undefined): string {
  return demoIdpPage('Fel', `<h1>Inloggningen gick inte</h1><p>${escapeHtml(error)}${description === undefined ? '' : `: ${escapeHtml(description)}`}</p><p>Gå tillbaka till e-tjänsten och försök igen.</p>`);
}

/** Plain, readable, high-contrast styles for the pages above (served as a file: no inline styles). */
export const DEMO_IDP_CSS = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; line-height: 1.5; }
.banner { background: #fff3c4; border-bottom: 3px solid #8a5a00; padding: 0.75rem 1rem; margin: 0; }
.banner p { margin: 0; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
fieldset { border: 1px solid #595959; padding: 0.5rem 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
.persona { margin: 0.75rem 0; }
.persona input { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
.persona label { font-weight: 600; }
.about { margin: 0 0 0 1.75rem; color: #3d3d3d; }
.actions { margin: 1rem 0; }
button { font: inherit; padding: 0.6rem 1.2rem; border: 2px solid #0b4f8a; background: #0b4f8a; color: #fff; border-radius: 4px; cursor: pointer; }
button.secondary { background: #fff; color: #0b4f8a; }
button:focus-visible, input:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
`;
