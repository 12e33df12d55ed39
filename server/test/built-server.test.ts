import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleNode, SERVER_NODE_FLAGS } from '../src/build/bundle-node.ts';
import { tempDir } from './harness.ts';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
const temps: { cleanup(): void }[] = [];
const children: ChildProcess[] = [];
let outdir = '';

beforeAll(async () => {
  // Built where no checkout path is next to it: what the bundle finds, it finds from its own files.
  const temp = tempDir();
  temps.push(temp);
  outdir = `${temp.dir}/dist`;
  await bundleNode({ entries: { main: `${SERVER_DIR}/src/main.ts`, worker: `${SERVER_DIR}/src/worker.ts` }, outdir });
}, 60_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const temp of temps) temp.cleanup();
});

function run(file: string, env: Record<string, string>) {
  const data = tempDir();
  temps.push(data);
  // No tsx and no NODE_ENV from vitest: as `pnpm start` runs it.
  const { NODE_ENV: _vitest, ...parent } = process.env;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, `${outdir}/${file}`], {
    cwd: data.dir,
    env: { ...parent, LOG_LEVEL: 'warn', SAMFORM_DATA: data.dir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = async (pattern: RegExp): Promise<RegExpExecArray> => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const match = pattern.exec(stdout);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`${file} exited: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${file} never printed ${pattern}: ${stderr}`);
  };
  return { child, printed, exit, stdout: () => stdout, stderr: () => stderr };
}

describe('the built server (server/dist, run by node)', () => {
  it('starts in demo mode from a cwd of its own and serves citizen pages, their assets, the demo IdP and the demo mailbox', async () => {
    const server = run('main.js', { SAMFORM_MODE: 'demo' });
    const url = (await server.printed(/Samform listening on (\S+)/))[1]!;
    // forms/ was found: the demo tenants were seeded from it.
    expect(server.stdout()).toMatch(/mode: demo, 17 municipalities, 2 collaborations/);
    const idp = (await server.printed(/Demo e-ID \(test personas, demo only\) at (\S+)/))[1]!;
    await server.printed(/Demo e-mail .* at \S+\/demo\/e-post/);

    const page = await fetch(`${url}/t/ostersund/e/lamna-din-ide`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Rendered on the server with the client's components.
    expect(html).toContain('<form');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${url}${script!}`)).status).toBe(200);
    // The page names its icon, so browsers do not ask for a /favicon.ico that is not there.
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    expect(icon).toBe('/favicon.svg');
    const iconResponse = await fetch(`${url}${icon!}`);
    expect([iconResponse.status, iconResponse.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect((await fetch(`${idp}/.well-known/openid-configuration`)).status).toBe(200);
    expect((await fetch(`${url}/demo/e-post`)).status).toBe(200);
    // Every validator module was bundled (esbuild found the model's runtime).
    expect(server.stderr()).not.toContain('could not be built');

    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  }, 90_000);

  it('runs the delivery worker as a process of its own', async () => {
    const worker = run('worker.js', {});
    await worker.printed(/Samform delivery worker running/);
    worker.child.kill('SIGTERM');
    expect(await worker.exit).toBe(0);
  }, 60_000);

  it('is what `pnpm start` and `pnpm worker` run, with the same node flags as the benchmark', () => {
    const scripts = (JSON.parse(readFileSync(`${ROOT_DIR}/package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
    const flags = SERVER_NODE_FLAGS.join(' ');
    expect(scripts.start).toContain(`pnpm --filter @samform/server build && SAMFORM_MODE=\${SAMFORM_MODE:-demo} node ${flags} server/dist/main.js`);
    expect(scripts.worker).toContain(`pnpm --filter @samform/server build && node ${flags} server/dist/worker.js`);
  });
});
