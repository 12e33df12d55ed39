import { compileService, localizeDefinition } from '@samform/model';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { RJSFSchema } from '@rjsf/utils';
import { largeFormAnswers, largeFormDefinition } from '../large-form.ts';
import type { Child } from './child-process.ts';
import { loadAtConcurrency } from './load.ts';
import { checkTarget } from './submit-path.ts';
import type { ServerStats } from './server-setup.ts';
import { median, percentile } from './stats.ts';
import type { Row } from './table.ts';

const FIELDS = 200;
const WARM_UP = 300;
const BATCHES = 5;
const PER_BATCH = 1000;

/**
 * p50 and p99 of each of `works`, timed in alternating batches (so both meet the same machine
 * load) and summarized as the median over batches (so one preemption does not decide a figure).
 */
function timeBatches(works: readonly (() => void)[]): { p50: number; p99: number }[] {
  const batches: number[][][] = works.map(() => []);
  for (let b = 0; b < BATCHES; b++) works.forEach((work, i) => batches[i]!.push(timeEach(PER_BATCH, work)));
  return batches.map((of) => ({ p50: median(of.map((t) => percentile(t, 0.5))), p99: median(of.map((t) => percentile(t, 0.99))) }));
}

function timeEach(samples: number, work: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Measurement 2: the precompiled validator's time for one 200-field submission (the server's
 * `compileService`, compiled once before timing), against @rjsf/validator-ajv8 on the same
 * schema; and a bounded load of 200-field submissions on the server, whose validator count
 * must not grow (nothing compiled while requests are answered).
 */
export async function measureValidation(samform: Child, compiledDuringSubmitLoad: number): Promise<Row[]> {
  const definition = largeFormDefinition(FIELDS);
  const data = largeFormAnswers(FIELDS);
  const compiled = compileService(definition);
  const now = new Date();
  const issues = compiled.validate(data, { now });
  if (issues.length > 0) throw new Error(`the ${FIELDS}-field answers are not valid: ${JSON.stringify(issues.slice(0, 3))}`);
  const samformWork = (): void => void compiled.validate(data, { now });

  const rjsf = customizeValidator();
  const { schema } = localizeDefinition(definition, 'sv');
  const rjsfSchema = schema as RJSFSchema;
  const rjsfWork = (): void => void rjsf.validateFormData(data, rjsfSchema);
  timeEach(WARM_UP, samformWork);
  timeEach(WARM_UP, rjsfWork);
  const [samformTimes, rjsfTimes] = timeBatches([samformWork, rjsfWork]) as [{ p50: number; p99: number }, { p50: number; p99: number }];

  // The same answers through the server: the count of compiled validators must stay put.
  const target = { origin: samform.url, paths: [`/api/t/ostersund/services/${definition.id}/submissions`], body: JSON.stringify({ data }) };
  await checkTarget(target);
  const before = await samform.ask<ServerStats>('stats', 'stats');
  const load = await loadAtConcurrency(target, { connections: 4, seconds: 3, maxRequests: 2000 });
  const after = await samform.ask<ServerStats>('stats', 'stats');
  const compiledDuringLoad = after.validators - before.validators + compiledDuringSubmitLoad;

  return [
    {
      measurement: `2. Validation: p99 of one ${FIELDS}-field submission (vs @rjsf/validator-ajv8)`,
      samform: samformTimes.p99,
      baseline: rjsfTimes.p99,
      unit: 'ms',
      goal: { kind: 'value-below', bound: 1, unit: 'ms' },
      note: `p50 ${samformTimes.p50.toFixed(3)} ms; median of ${BATCHES} x ${PER_BATCH} runs`,
    },
    {
      measurement: `2. Validators compiled while answering ${load.ok} ${FIELDS}-field + the submit-path load`,
      samform: compiledDuringLoad,
      unit: '',
      goal: { kind: 'holds', description: '0 (all compiled at start)' },
      holds: compiledDuringLoad === 0 && load.failed === 0,
      note: `${before.validators} compiled at start${load.failed > 0 ? `, ${load.failed} failed` : ''}`,
    },
  ];
}
