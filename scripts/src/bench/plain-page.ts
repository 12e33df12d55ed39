import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { localizeDefinition } from '@samform/model';
import type { ServiceDefinition } from '@samform/model';

const ENTRY_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../bench/plain-rjsf');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const FORM_SCRIPT = /(<script type="application\/json" id="form">)[\s\S]*?(<\/script>)/;

/** The plain @rjsf/core page, built in this run and served on loopback, one address per form. */
export interface PlainPage {
  url(formId: string): string;
  close(): Promise<void>;
}

/**
 * Build scripts/bench/plain-rjsf with Vite (production, minified) into a temp folder and serve
 * it: `/f/<id>` is the page with that definition's Swedish schema and uiSchema inlined.
 */
export async function startPlainPage(definitions: readonly ServiceDefinition[]): Promise<PlainPage> {
  const outDir = await mkdtemp(join(tmpdir(), 'samform-plain-rjsf-'));
  await build({ root: ENTRY_DIR, configFile: false, logLevel: 'error', base: '/', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const shell = await readFile(join(outDir, 'index.html'), 'utf8');
  const pages = new Map<string, string>();
  for (const definition of definitions) {
    const form = localizeDefinition(definition, 'sv');
    // `<` escaped so no text can close the script element.
    const json = JSON.stringify(form).replaceAll('<', '\\u003c');
    pages.set(definition.id, shell.replace(FORM_SCRIPT, (_m, open: string, close: string) => `${open}${json}${close}`));
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = path.startsWith('/f/') ? pages.get(path.slice(3)) : undefined;
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(page);
      return;
    }
    const file = normalize(join(outDir, path));
    if (!file.startsWith(outDir)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (formId) => `${origin}/f/${formId}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
