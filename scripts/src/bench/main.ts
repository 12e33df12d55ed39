/**
 * `pnpm bench`: the six measurements of issue 8, each next to a baseline measured in the same
 * run, printed as one markdown table and written to bench/results.md (and results.json).
 * Measurements run one after another (the machine has two cores) and each load is bounded in
 * count and time.
 *
 *   pnpm bench [--only 1,2,3,4,5,6]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { largeFormDefinition } from '../large-form.ts';
import { loadForms } from '@samform/forms';
import { bundledServerProcess } from './bundled-server-process.ts';
import { startChild } from './child-process.ts';
import type { Child } from './child-process.ts';
import { launchBrowser } from './chromium.ts';
import { measureFirstView } from './first-view.ts';
import { measureMemory, measureScale } from './memory-scale.ts';
import { measurePageWeight } from './page-weight.ts';
import { startPlainPage } from './plain-page.ts';
import type { PlainPage } from './plain-page.ts';
import type { ServerSetup } from './server-setup.ts';
import { measureSubmitPath } from './submit-path.ts';
import { formatTable, goalMet, ratioOf } from './table.ts';
import type { Row } from './table.ts';
import { measureTyping } from './typing.ts';
import { measureValidation } from './validation.ts';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const CLIENT_DIR = resolve(ROOT, 'client/dist');
const OUT_DIR = resolve(ROOT, 'bench');

const { values } = parseArgs({ options: { only: { type: 'string', default: '1,2,3,4,5,6' } } });
const only = new Set(values.only.split(',').map((s) => s.trim()));
const log = (line: string): void => console.error(line);
const began = performance.now();
const elapsed = (): string => `${((performance.now() - began) / 1000).toFixed(0)} s`;

const rows: Row[] = [];
let samform: Child | undefined;
let echo: Child | undefined;
let browser: Browser | undefined;
let plain: PlainPage | undefined;
try {
  const needsForms = ['1', '2', '3', '4', '5'].some((m) => only.has(m));
  if (needsForms) {
    const setup: ServerSetup = { kind: 'forms', clientDir: CLIENT_DIR, largeForms: [200, 500] };
    samform = await startChild(await bundledServerProcess(), { BENCH_SERVER: JSON.stringify(setup) }, 180_000);
    log(`[${elapsed()}] Samform (forms/ + 200- and 500-field forms) at ${samform.url}`);
  }
  let compiledDuringSubmitLoad = 0;
  if (only.has('1') && samform) {
    echo = await startChild('./echo-process.ts', {}, 60_000);
    log(`[${elapsed()}] 1. submit path`);
    const submit = await measureSubmitPath(samform, echo, log);
    rows.push(...submit.rows);
    compiledDuringSubmitLoad = submit.compiledDuringLoad;
    await echo.stop();
    echo = undefined;
  }
  if (only.has('2') && samform) {
    log(`[${elapsed()}] 2. validation`);
    rows.push(...(await measureValidation(samform, compiledDuringSubmitLoad)));
  }
  if (samform && ['3', '4', '5'].some((m) => only.has(m))) {
    const idea = (await loadForms()).services.find((s) => s.owner === 'ostersund' && s.definition.id === 'lamna-din-ide');
    if (idea === undefined) throw new Error('forms/ostersund/lamna-din-ide.json is missing');
    log(`[${elapsed()}] building the plain @rjsf/core page`);
    plain = await startPlainPage([idea.definition, largeFormDefinition(200), largeFormDefinition(500)]);
    browser = await launchBrowser();
    if (only.has('3')) {
      log(`[${elapsed()}] 3. page weight`);
      rows.push(...(await measurePageWeight(browser, `${samform.url}/t/ostersund/e/lamna-din-ide`, plain.url('lamna-din-ide'))));
    }
    if (only.has('4')) {
      log(`[${elapsed()}] 4. typing`);
      rows.push(...(await measureTyping(browser, `${samform.url}/t/ostersund/e/${largeFormDefinition(500).id}`, plain.url(largeFormDefinition(500).id), log)));
    }
    if (only.has('5')) {
      log(`[${elapsed()}] 5. first view`);
      rows.push(...(await measureFirstView(browser, `${samform.url}/t/ostersund/e/${largeFormDefinition(200).id}`, plain.url(largeFormDefinition(200).id))));
    }
  }
  await browser?.close();
  browser = undefined;
  await plain?.close();
  plain = undefined;
  await samform?.stop();
  samform = undefined;
  if (only.has('6')) {
    log(`[${elapsed()}] 6. memory`);
    rows.push(...(await measureMemory(CLIENT_DIR, log)));
    log(`[${elapsed()}] 6. scale`);
    rows.push(...(await measureScale(CLIENT_DIR, log)));
  }
} finally {
  await browser?.close();
  await plain?.close();
  await echo?.stop();
  await samform?.stop();
}

const seconds = (performance.now() - began) / 1000;
const header =
  `Samform benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
  `Node ${process.version}, ${seconds.toFixed(0)} s. Every baseline measured in this run; ratio = Samform / baseline.`;
const table = formatTable(rows);
console.log(`\n${header}\n\n${table}\n`);
await mkdir(OUT_DIR, { recursive: true });
await writeFile(resolve(OUT_DIR, 'results.md'), `# pnpm bench\n\n${header}\n\n${table}\n`);
await writeFile(
  resolve(OUT_DIR, 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), seconds, cores: cpus().length, node: process.version, rows: rows.map((r) => ({ ...r, ratio: ratioOf(r) ?? null, met: goalMet(r) ?? null })) }, null, 2)}\n`,
);
log(`written to bench/results.md and bench/results.json`);
