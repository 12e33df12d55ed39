import { useEffect, useState } from 'react';
import { issuesOfValidate } from '@samform/model';
import type { ValidatorModuleExports } from '@samform/model';
import type { AnswerValidator } from '@samform/renderer';

/** Where the server serves a version's validator module (immutable, cached for a year). */
export function validatorModuleUrl(tenant: string, service: string, version: number): string {
  return `/api/t/${encodeURIComponent(tenant)}/services/${encodeURIComponent(service)}/versions/${version}/validator.js`;
}

/**
 * A validator module served by the server as ajv standalone code (the pages' CSP forbids
 * compiling in the browser), for the answers: a published
 * version's, or in the staff preview a draft's. Undefined when it cannot be loaded: the form
 * then relies on the server's answer to Send.
 */
export async function importValidatorModule(url: string): Promise<AnswerValidator | undefined> {
  try {
    return validatorFromModule((await import(/* @vite-ignore */ url)) as Partial<ValidatorModuleExports>);
  } catch {
    return undefined;
  }
}

/** The version's validator module, see {@link importValidatorModule}. */
export function loadStandaloneValidator(tenant: string, service: string, version: number): Promise<AnswerValidator | undefined> {
  return importValidatorModule(validatorModuleUrl(tenant, service, version));
}

/** A loaded validator module as the form's validator; undefined when it is not one. The server renders with the same. */
export function validatorFromModule(module: Partial<ValidatorModuleExports>): AnswerValidator | undefined {
  const { validate } = module;
  if (typeof validate !== 'function') return undefined;
  return { validate: (data, options = {}) => issuesOfValidate(validate, data, options.now) };
}

/** The version's standalone validator once loaded; undefined before (and when it cannot be loaded). */
export function useStandaloneValidator(tenant: string, service: string, version: number | undefined): AnswerValidator | undefined {
  const [loaded, setLoaded] = useState<{ key: string; validator: AnswerValidator | undefined }>();
  const key = `${tenant}/${service}@${version ?? ''}`;
  useEffect(() => {
    if (version === undefined) return;
    let current = true;
    void loadStandaloneValidator(tenant, service, version).then((validator) => {
      if (current) setLoaded({ key, validator });
    });
    return () => {
      current = false;
    };
    // The key names tenant, service and version: a new one is a new module.
  }, [key]);
  return loaded?.key === key ? loaded.validator : undefined;
}
