import { issuesFromAjv } from '@samform/model';
import type { AnswerValidator } from '@samform/renderer';

interface StandaloneValidate {
  (this: { now?: Date }, data: unknown): boolean;
  errors?: Parameters<typeof issuesFromAjv>[0];
}

/**
 * The version's validator as ajv standalone code served by the server (the page's CSP forbids
 * compiling in the browser). Undefined when the server offers none: the form then relies on the
 * server's answer to Send.
 */
export async function loadStandaloneValidator(tenant: string, service: string, version: number): Promise<AnswerValidator | undefined> {
  const url = `/api/t/${encodeURIComponent(tenant)}/services/${encodeURIComponent(service)}/validator.js?v=${version}`;
  try {
    const module = (await import(/* @vite-ignore */ url)) as { default?: StandaloneValidate };
    const validate = module.default;
    if (typeof validate !== 'function') return undefined;
    return {
      validate(data, options = {}) {
        const valid = validate.call({ now: options.now ?? new Date() }, data);
        return valid ? [] : issuesFromAjv(validate.errors);
      },
    };
  } catch {
    return undefined;
  }
}
