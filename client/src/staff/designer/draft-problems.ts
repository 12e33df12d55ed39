import { text } from '@samform/model';
import type { ServiceDefinition } from '@samform/model';
import type { PointedError } from '../staff-api.ts';
import { staffText } from '../staff-text.ts';

const STEP_FIELDS = /^\/steps\/(\d+)\/fields$/;

/**
 * The server's reasons for refusing a draft, in words an author acts on: the format's own
 * messages ("must NOT have fewer than 1 items") become "the step X has no fields yet", and a
 * problem under a field names that field so the list can select it.
 */
export function draftProblems(definition: ServiceDefinition, problems: PointedError[], locale: string): PointedError[] {
  const t = staffText(locale);
  return problems.map((problem) => {
    const message = typeof problem.message === 'string' ? problem.message : text(problem.message, locale);
    const step = STEP_FIELDS.exec(problem.path);
    if (step && /fewer than 1/.test(message)) {
      const title = text(definition.steps?.[Number(step[1])]?.title, locale) || t.untitledStep;
      return { ...problem, message: t.stepHasNoFields(title) };
    }
    if (problem.path === '/schema/properties' && /fewer than 1/.test(message)) return { ...problem, message: t.serviceHasNoFields };
    const field = /^\/schema\/properties\/([^/]+)/.exec(problem.path)?.[1] ?? /^\/texts\/([^/]+)/.exec(problem.path)?.[1];
    return field && problem.field === undefined ? { ...problem, field: decodeURIComponent(field.replace(/~1/g, '/').replace(/~0/g, '~')) } : problem;
  });
}
