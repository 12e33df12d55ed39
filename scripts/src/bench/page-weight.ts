import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { throttledPage } from './chromium.ts';
import type { Row } from './table.ts';

/** The JavaScript a page loads, gzipped, and whether any of it evaluates strings as code. */
export interface ScriptWeight {
  gzipBytes: number;
  files: number;
  /** Files that call `eval` or the Function constructor. */
  evalFiles: string[];
}

// Minifiers write `new Function(` as `Function(`; a method named eval or Function does not count.
const EVAL = /(?<![\w$.])(?:eval|Function)\s*\(/;

/** Load `url` once and weigh every script it fetches, including those loaded after `load`. */
export async function scriptWeight(browser: Browser, url: string): Promise<ScriptWeight> {
  const { context, page } = await throttledPage(browser);
  const scripts: Promise<{ url: string; gzip: number; evals: boolean }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length, evals: EVAL.test(body.toString('utf8')) })));
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) throw new Error(`${url} answered ${String(response?.status())}`);
  // The form's chunk and the version's validator module may come after `load`.
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(scripts);
  await context.close();
  return { gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0), files: files.length, evalFiles: files.filter((f) => f.evals).map((f) => new URL(f.url).pathname) };
}

/** Measurement 3: the idea form's citizen page against the plain @rjsf/core page of the same form. */
export async function measurePageWeight(browser: Browser, samformUrl: string, plainUrl: string): Promise<Row[]> {
  const samform = await scriptWeight(browser, samformUrl);
  const plain = await scriptWeight(browser, plainUrl);
  return [
    {
      measurement: '3. Citizen page: gzipped JavaScript, Östersund idea form (vs plain @rjsf/core page)',
      samform: samform.gzipBytes / 1024,
      baseline: plain.gzipBytes / 1024,
      unit: 'KB',
      goal: { kind: 'ratio-at-most', bound: 0.4 },
      note: `${samform.files} files; plain ${plain.files}`,
    },
    {
      measurement: '3. Citizen bundle free of `eval(` / `new Function`',
      samform: Number.NaN,
      unit: '',
      goal: { kind: 'holds', description: 'none in any script' },
      holds: samform.evalFiles.length === 0,
      note: samform.evalFiles.length === 0 ? `plain page: ${plain.evalFiles.length > 0 ? 'yes, in ' + plain.evalFiles.join(', ') : 'none'}` : `found in ${samform.evalFiles.join(', ')}`,
    },
  ];
}
