import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One page to put in the shell. */
export interface ShellPage {
  locale: string;
  title: string;
  /** Server-rendered markup for inside `#root`. */
  body: string;
  /** The state the browser hydrates from. */
  state: unknown;
  /** Load the form page's chunk with the entry rather than after it. */
  formPage: boolean;
  /** An adopted e-service's theme (issue 5): its stylesheet, and its logo shown above the page. */
  theme?: { stylesheet: string; logo?: { src: string; alt: string } };
}

/** The HTML document around a server-rendered page. */
export interface PageShell {
  render(page: ShellPage): string;
}

const OUTLET = '<!--samform-page-->';
const ENTRY = 'index.html';
const FORM_CHUNK = 'src/citizen/pages/service-page.tsx';

// Without a client build (tests, a fresh checkout) pages still work: server-rendered, unstyled, without scripts.
const BARE = `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Samform</title>
  </head>
  <body>
    <div id="root">${OUTLET}</div>
  </body>
</html>
`;

interface ManifestChunk {
  file: string;
  imports?: string[];
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JSON that is safe inside a `<script>` data block: `<` cannot close the element or open a
 * comment, and the line separators that old parsers took for line ends are escaped too.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The files the form page's chunk needs besides the entry, from Vite's manifest. */
function formChunkFiles(manifest: Record<string, ManifestChunk>): string[] {
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (chunk === undefined || key === ENTRY || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(FORM_CHUNK);
  return [...files];
}

/**
 * The document shell from the client build: Vite's index.html (its hashed script and style tags)
 * read once at start-up, with the page in `#root` and its state as a JSON data block, which a CSP
 * without inline scripts allows since it never runs.
 */
export function loadPageShell(clientDir: string | undefined): PageShell {
  const indexFile = clientDir === undefined ? undefined : path.join(clientDir, 'index.html');
  const template = indexFile !== undefined && existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : BARE;
  if (!template.includes(OUTLET)) throw new Error(`${indexFile ?? 'the page shell'} has no ${OUTLET} in #root; rebuild the client`);
  const manifestFile = clientDir === undefined ? undefined : path.join(clientDir, '.vite', 'manifest.json');
  const preload =
    manifestFile !== undefined && existsSync(manifestFile)
      ? formChunkFiles(JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>)
          .map((file) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}">`)
          .join('')
      : '';
  const [head = '', tail = ''] = template.split(OUTLET);
  return {
    render(page) {
      const { theme } = page;
      // After the client's own styles, so the theme's custom properties win; no inline style (CSP).
      const themeLink = theme === undefined ? '' : `<link rel="stylesheet" href="${escapeHtml(theme.stylesheet)}">`;
      const logo = theme?.logo === undefined ? '' : `<div class="sf-theme-logo"><img src="${escapeHtml(theme.logo.src)}" alt="${escapeHtml(theme.logo.alt)}"></div>`;
      const top = head
        .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(page.locale)}"`)
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>${page.formPage ? preload : ''}`)
        .replace('</head>', `${themeLink}</head>`)
        .replace('<div id="root">', `${logo}<div id="root">`);
      const state = `<script type="application/json" id="sf-state">${scriptJson(page.state)}</script>`;
      return `${top}${page.body}${tail.replace('</body>', `${state}</body>`)}`;
    },
  };
}
