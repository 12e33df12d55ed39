import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMS_DIR } from '@samform/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(ROOT, 'scripts', 'src', 'forms-check.ts');

/** Run the real CLI from the repository root; answers its exit code and output. */
function run(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(TSX, [SCRIPT, ...args], { cwd: ROOT }, (error, stdout) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout });
    });
  });
}

describe('forms-check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'samform-forms-check-'));
    await cp(FORMS_DIR, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|src)$/.test(src) });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when every form is fine, then it prints ok per file and exits 0', async () => {
    const { code, stdout } = await run();
    expect(code).toBe(0);
    expect(stdout).toContain('ok  forms/ostersund/lamna-din-ide.json\n');
    expect(stdout).toContain('ok  forms/tenants.json\n');
    expect(stdout).toMatch(/13 e-services of 19 tenants: all ok/);
  }, 30_000);

  it('when one file of a copy is broken, then it names the file and pointer and exits 1', async () => {
    const file = join(dir, 'region-jamtland-harjedalen', 'uppehall-i-hamtning.json');
    const definition = JSON.parse(await readFile(file, 'utf8')) as { schema: { dateRange: Record<string, unknown> } };
    definition.schema.dateRange.to = 'until';
    await writeFile(file, JSON.stringify(definition, null, 2));

    const { code, stdout } = await run(dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`err ${file}\n    /schema/dateRange/to: names no property of this object: "until"\n`);
    expect(stdout).toContain(`ok  ${join(dir, 'ostersund', 'lamna-din-ide.json')}\n`);
    expect(stdout).toMatch(/1 file\(s\) with problems\n$/);
  }, 30_000);
});
