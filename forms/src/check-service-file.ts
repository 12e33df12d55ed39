import { basename } from 'node:path';
import { checkDefinition, type ServiceDefinition } from '@samform/model';
import type { Queue } from '@samform/store';
import { pointerOf, type FormProblem } from './form-problem.ts';

/**
 * Problems of one parsed `forms/<owner>/<service>.json`: the model's `checkDefinition`, plus
 * the rules of forms/: the id is the file name, every routing queue exists for the receiving
 * municipalities, and every text has a Swedish and an English version.
 */
export function checkServiceFile(file: string, candidate: unknown, receivingQueues: Queue[][]): FormProblem[] {
  const problems: FormProblem[] = checkDefinition(candidate).map((p) => ({ pointer: p.path, message: p.message }));
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return problems;
  const definition = candidate as Partial<ServiceDefinition>;

  const expectedId = basename(file, '.json');
  if (typeof definition.id === 'string' && definition.id !== expectedId) {
    problems.push({ pointer: '/id', message: `must be "${expectedId}", the file's name` });
  }

  const routing = definition.routing;
  if (routing && typeof routing === 'object') {
    const targets: [string, unknown][] = [[pointerOf('routing', 'queue'), routing.queue]];
    (Array.isArray(routing.rules) ? routing.rules : []).forEach((rule, i) => {
      targets.push([pointerOf('routing', 'rules', i, 'queue'), (rule as { queue?: unknown } | null)?.queue]);
    });
    for (const [pointer, queue] of targets) {
      if (typeof queue !== 'string') continue;
      const missing = receivingQueues.some((queues) => !queues.some((q) => q.id === queue));
      if (missing) problems.push({ pointer, message: `names no queue of the receiving municipalities: "${queue}"` });
    }
  }

  const { schema: _schema, uiSchema: _uiSchema, ...withTexts } = definition;
  problems.push(...missingEnglish(withTexts, ''));
  return problems;
}

/** Every per-locale text (an object with `sv`) that lacks an English version. */
function missingEnglish(value: unknown, pointer: string): FormProblem[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => missingEnglish(v, `${pointer}${pointerOf(i)}`));
  const record = value as Record<string, unknown>;
  if (typeof record.sv === 'string') {
    return typeof record.en === 'string' && record.en.trim() !== ''
      ? []
      : [{ pointer, message: 'has no English text: add "en" next to "sv"' }];
  }
  return Object.entries(record).flatMap(([key, v]) => missingEnglish(v, `${pointer}${pointerOf(key)}`));
}
