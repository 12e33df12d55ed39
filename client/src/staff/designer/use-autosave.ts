import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublishProblem, ServiceDefinition } from '@samform/model';
import { ApiError, staffApi } from '../staff-api.ts';
import type { PointedError } from '../staff-api.ts';

/** Where the draft stands: as on the server, waiting to be saved, being saved, refused (422), or not reachable. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'failed';

/** The debounce after a change: long enough not to save every keystroke, short enough not to lose work. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the draft with PUT …/draft ~800 ms after the last change, one save at a time (a change
 * during a save is saved after it), and once more when the designer is left (keepalive, so it
 * survives the page going away). A 422's pointed errors are returned to show, and so are the
 * publish checks' problems of the saved draft (the server runs them: the page cannot compile a
 * validator) and its revision (`updatedAt`), which names the draft's validator module.
 */
export function useAutosave(tenant: string, service: string, definition: ServiceDefinition | undefined, onResult: (state: 'saved' | 'invalid' | 'failed') => void) {
  const [state, setState] = useState<SaveState>('saved');
  const [errors, setErrors] = useState<PointedError[]>([]);
  const [savedAt, setSavedAt] = useState<Date | undefined>();
  const [problems, setProblems] = useState<PublishProblem[] | undefined>();
  const [revision, setRevision] = useState<string | undefined>();
  const saved = useRef<string | undefined>(undefined);
  const latest = useRef<ServiceDefinition | undefined>(undefined);
  const inFlight = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const report = useRef(onResult);
  report.current = onResult;

  const save = useCallback(async (): Promise<void> => {
    const current = latest.current;
    if (current === undefined || inFlight.current) return;
    const json = JSON.stringify(current);
    if (json === saved.current) {
      setState('saved');
      return;
    }
    inFlight.current = true;
    setState('saving');
    let outcome: 'saved' | 'invalid' | 'failed';
    try {
      const answer = await staffApi.saveDraft(tenant, service, current);
      saved.current = json;
      setProblems(answer.problems);
      setRevision(answer.updatedAt);
      setErrors([]);
      setSavedAt(new Date());
      outcome = 'saved';
    } catch (caught) {
      outcome = caught instanceof ApiError && caught.status === 422 ? 'invalid' : 'failed';
      setErrors(caught instanceof ApiError ? caught.errors : []);
    } finally {
      inFlight.current = false;
    }
    // A change made while saving is saved now.
    if (latest.current !== current && outcome === 'saved') {
      setState('pending');
      void save();
      return;
    }
    setState(outcome);
    report.current(outcome);
  }, [tenant, service]);

  /** The draft as loaded: the server has it already; its checks are asked for. */
  const markLoaded = useCallback(
    (loaded: ServiceDefinition, updatedAt: string) => {
      saved.current = JSON.stringify(loaded);
      latest.current = loaded;
      setRevision(updatedAt);
      staffApi.checkDraft(tenant, service).then(
        (answer) => setProblems((shown) => shown ?? answer.problems),
        () => undefined,
      );
    },
    [tenant, service],
  );

  useEffect(() => {
    if (definition === undefined) return;
    latest.current = definition;
    if (saved.current === undefined || JSON.stringify(definition) === saved.current) return;
    setState('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [definition, save]);

  useEffect(() => {
    // Leaving: the page goes away (tab closed, reload) or the designer is closed in the app.
    const flush = () => {
      window.clearTimeout(timer.current);
      const current = latest.current;
      if (current === undefined || saved.current === undefined || JSON.stringify(current) === saved.current) return;
      saved.current = JSON.stringify(current);
      staffApi.saveDraft(tenant, service, current, true).catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [tenant, service]);

  const saveNow = useCallback(async () => {
    window.clearTimeout(timer.current);
    await save();
  }, [save]);

  return { state, errors, savedAt, problems, revision, markLoaded, saveNow };
}
