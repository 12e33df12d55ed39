import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMS_DIR, loadForms, TENANTS_FILE } from '@samform/forms';
import type { FormsCatalogue } from '@samform/forms';
import { startSamform } from '@samform/server';
import { openSqliteStore } from '@samform/store';
import { runFormsCli } from './forms-cli/run-forms-cli.ts';

const PASSWORD = 'demo-ostersund';
/** The servers' request logs, dropped: the CLI's output is what is tested. */
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

/** A demo Samform on its own SQLite temp file and a real port. */
async function startServer(forms: FormsCatalogue): Promise<{ url: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'samform-forms-cli-db-'));
  const store = await openSqliteStore({ file: join(dir, 'samform.sqlite') });
  const running = await startSamform({ store, mode: 'demo', host: '127.0.0.1', forms, passwordCost: { N: 1024, r: 8, p: 1 }, logDestination: quiet });
  return {
    url: running.url,
    close: async () => {
      await running.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Run the CLI in-process; answers its exit code and output. */
async function forms(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runFormsCli(argv, (line) => lines.push(line), {});
  return { code, out: lines.join('\n') };
}

/** Every file under `dir`, path → content. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
  }
  return files;
}

/** A second e-service of Östersund's, so the round trip carries more than the demo's one. */
const digging = {
  id: 'gravtillstand',
  title: { sv: 'Ansök om grävtillstånd', en: 'Apply for a digging permit' },
  category: 'gata',
  identification: 'anonymous',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['plats'],
    properties: { plats: { type: 'string', minLength: 2, maxLength: 200 } },
  },
  uiSchema: { plats: { 'ui:kind': 'short-text' } },
  texts: { plats: { label: { sv: 'Var ska ni gräva?', en: 'Where will you dig?' } } },
  routing: { queue: 'gata' },
};

let demo: FormsCatalogue;
let full: { url: string; close(): Promise<void> };
let empty: { url: string; close(): Promise<void> };
let work: string;
beforeAll(async () => {
  demo = await loadForms();
  // Östersund has its tenant, staff and queues here, but none of its own e-services.
  [full, empty] = await Promise.all([startServer(demo), startServer({ ...demo, services: demo.services.filter((s) => s.owner !== 'ostersund') })]);
  work = await mkdtemp(join(tmpdir(), 'samform-forms-cli-'));
}, 60_000);
afterAll(async () => {
  await Promise.all([full?.close(), empty?.close()]);
  if (work) await rm(work, { recursive: true, force: true });
});

describe('pnpm forms: the round trip', () => {
  it('when Östersund is exported, checked, published into an empty Samform and exported again, then the files are the same', async () => {
    const seed = join(work, 'seed');
    await mkdir(join(seed, 'ostersund'), { recursive: true });
    await writeFile(join(seed, 'ostersund', 'gravtillstand.json'), JSON.stringify(digging));
    const user = ['--url', full.url, '--user', 'ostersund.designer', '--password', PASSWORD];
    expect(await forms('publish', seed, ...user)).toEqual({ code: 0, out: 'published ostersund/gravtillstand v1' });

    const a = join(work, 'a');
    const exported = await forms('export', 'ostersund', a, ...user);
    expect(exported).toEqual({ code: 0, out: 'exported ostersund/gravtillstand v1\nexported ostersund/lamna-din-ide v1' });
    const demoIdea = await readFile(join(FORMS_DIR, 'ostersund', 'lamna-din-ide.json'), 'utf8');
    expect(JSON.parse(await readFile(join(a, 'ostersund', 'lamna-din-ide.json'), 'utf8'))).toEqual(JSON.parse(demoIdea));

    // A folder in git keeps the tenants beside the e-services, as forms/ does.
    await copyFile(join(FORMS_DIR, TENANTS_FILE), join(a, TENANTS_FILE));
    const checked = await forms('check', a);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('2 e-services of 19 tenants: all ok');

    const into = ['--url', empty.url, '--user', 'ostersund.designer', '--password', PASSWORD];
    const published = await forms('publish', a, ...into);
    expect(published).toEqual({ code: 0, out: 'published ostersund/gravtillstand v1\npublished ostersund/lamna-din-ide v1' });
    expect(await forms('publish', a, ...into)).toEqual({ code: 0, out: 'up to date ostersund/gravtillstand v1\nup to date ostersund/lamna-din-ide v1' });

    const b = join(work, 'b');
    expect((await forms('export', 'ostersund', b, ...into)).code).toBe(0);
    await copyFile(join(FORMS_DIR, TENANTS_FILE), join(b, TENANTS_FILE));
    const [filesA, filesB] = await Promise.all([filesOf(a), filesOf(b)]);
    expect([...filesB.keys()].sort()).toEqual(['ostersund/gravtillstand.json', 'ostersund/lamna-din-ide.json', 'tenants.json']);
    expect(filesB).toEqual(filesA);
    expect(filesB.get('ostersund/gravtillstand.json')!.endsWith('}\n')).toBe(true);
  }, 60_000);
});

describe('pnpm forms publish', () => {
  it('when files are broken, then each is refused by name, the others still go, another tenant\'s file is skipped, and it exits 1', async () => {
    const dir = join(work, 'broken');
    await mkdir(join(dir, 'ostersund'), { recursive: true });
    await mkdir(join(dir, 'krokom'), { recursive: true });
    await writeFile(join(dir, 'ostersund', 'gravning.json'), JSON.stringify({ ...digging, id: 'gravning' }));
    await writeFile(join(dir, 'ostersund', 'utan-engelska.json'), JSON.stringify({ ...digging, id: 'utan-engelska', title: { sv: 'Grävning' } }));
    await writeFile(join(dir, 'ostersund', 'trasig.json'), JSON.stringify({ ...digging, id: 'trasig', schema: { type: 'object', properties: 'nej' } }));
    await writeFile(join(dir, 'ostersund', 'ofullstandig.json'), '{"id": "ofullstandig",');
    await writeFile(join(dir, 'krokom', 'grav.json'), JSON.stringify({ ...digging, id: 'grav' }));

    const { code, out } = await forms('publish', dir, '--url', full.url, '--user', 'ostersund.designer', '--password', PASSWORD);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('skipped krokom/grav: ostersund.designer may not design krokom');
    expect(lines[1]).toBe('published ostersund/gravning v1');
    expect(lines[2]).toMatch(/^refused ostersund\/ofullstandig: not JSON/);
    expect(lines[3]).toMatch(/^refused ostersund\/trasig: 422 invalid-definition: \/schema\/properties /);
    // Saved as a draft, but the publish checks refuse it.
    expect(lines[4]).toBe('refused ostersund/utan-engelska: 422 publish-checks-failed: /title The title is missing in English');
  }, 30_000);

  it('when the password is wrong, then it says so and exits 1', async () => {
    const { code, out } = await forms('publish', work, '--url', full.url, '--user', 'ostersund.designer', '--password', 'fel');
    expect(code).toBe(1);
    expect(out).toBe(`sign-in of ostersund.designer at ${full.url} answered 401 invalid-credentials`);
  }, 30_000);
});
