import { DEFAULT_LOCALE, type ServiceDefinition } from './definition.ts';
import { ERROR_MESSAGES, FALLBACK_MESSAGE, type MessageInput } from './error-messages.ts';
import { fieldPathOf, schemaAt } from './field-path.ts';
import { fillSlots } from './messages.ts';
import { isLocale, text } from './text.ts';
import type { SubmissionError, ValidationIssue } from './validation-issue.ts';

function parentPath(fieldPath: string): string {
  const dot = fieldPath.lastIndexOf('.');
  return dot === -1 ? '' : fieldPath.slice(0, dot);
}

/**
 * Issues as citizen messages in `locale` (Swedish for locales without messages), naming the
 * field's label. A field's `texts[path].errors[keyword]` wins; it may use `{label}` and the
 * params as slots (`{limit}`, `{earliest}`).
 */
export function localizeIssues(issues: ValidationIssue[], definition: ServiceDefinition, locale: string): SubmissionError[] {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const labelOf = (fieldPath: string): string => {
    if (fieldPath === '') return text(definition.title, locale);
    const label = text(definition.texts[fieldPath]?.label, locale);
    return label === '' ? (fieldPath.split('.').pop() ?? fieldPath) : label;
  };
  return issues.map((issue) => {
    const fieldPath = fieldPathOf(issue.path);
    const label = labelOf(fieldPath);
    const override = definition.texts[fieldPath]?.errors?.[issue.keyword];
    if (override !== undefined) {
      return { path: issue.path, keyword: issue.keyword, message: fillSlots(text(override, locale), { ...issue.params, label }) };
    }
    const parent = parentPath(fieldPath);
    const input: MessageInput = {
      label,
      params: issue.params,
      schema: fieldPath === '' ? definition.schema : schemaAt(definition.schema, fieldPath),
      labelOf: (name) => labelOf(parent === '' ? name : `${parent}.${name}`),
    };
    const message = (ERROR_MESSAGES[lang][issue.keyword] ?? FALLBACK_MESSAGE[lang])(input);
    return { path: issue.path, keyword: issue.keyword, message };
  });
}
