import { useEffect, useState } from 'react';
import type { AnswerValidator } from '@samform/renderer';
import { importValidatorModule } from '../../citizen/standalone-validator.ts';
import { draftValidatorUrl } from '../staff-api.ts';

/** The saved draft's validator module (the staff pages' CSP forbids compiling one). */
export function loadDraftValidator(tenant: string, service: string, revision: string): Promise<AnswerValidator | undefined> {
  return importValidatorModule(draftValidatorUrl(tenant, service, revision));
}

/** Where the preview's validator stands: loading (or waiting for the draft to be saved), ready, or not to be had. */
export type DraftValidatorState = { state: 'waiting' } | { state: 'ready'; validator: AnswerValidator } | { state: 'unavailable' };

/**
 * The validator of the draft saved as `revision`, once loaded. While the draft has unsaved
 * changes (revision undefined) it waits: an older draft's rules would be wrong. Without one the
 * preview checks nothing on Continue.
 */
export function useDraftValidator(tenant: string, service: string, revision: string | undefined): DraftValidatorState {
  const [loaded, setLoaded] = useState<{ key: string; validator: AnswerValidator | undefined }>();
  const key = `${tenant}/${service}@${revision ?? ''}`;
  useEffect(() => {
    if (revision === undefined) return;
    let current = true;
    void loadDraftValidator(tenant, service, revision).then((validator) => {
      if (current) setLoaded({ key, validator });
    });
    return () => {
      current = false;
    };
    // The key names tenant, service and revision: a new one is a new module.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key holds them all
  }, [key]);
  if (revision === undefined || loaded?.key !== key) return { state: 'waiting' };
  return loaded.validator ? { state: 'ready', validator: loaded.validator } : { state: 'unavailable' };
}
