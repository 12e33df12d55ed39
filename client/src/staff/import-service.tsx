import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { ApiError, staffApi } from './staff-api.ts';
import type { PointedError } from './staff-api.ts';
import { ProblemList, useAnnounce } from './staff-parts.tsx';
import { staffText } from './staff-text.ts';

// A definition file larger than this is no form anyone built by hand (the schema limit is 256 KB).
const MAX_FILE = 2 * 1024 * 1024;

/** Import one e-service from a JSON file in the forms/ format (as exported); it becomes a new draft. */
export function ImportService({ tenant, locale, onImported }: { tenant: string; locale: string; onImported: (id: string) => void }) {
  const t = staffText(locale);
  const announce = useAnnounce();
  const base = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<PointedError[]>([]);
  const [n, setN] = useState(0);

  const fail = (found: PointedError[]) => {
    setN((x) => x + 1);
    setProblems(found);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setProblems([]);
    if (file.size > MAX_FILE) return fail([{ path: '', message: t.importTooBig }]);
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch {
      return fail([{ path: '', message: t.importNotJson }]);
    }
    const id = (definition as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return fail([{ path: '/id', message: t.importNoId }]);
    try {
      await staffApi.create(tenant, definition);
      announce(t.imported(id));
      onImported(id);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) fail([{ path: '/id', message: t.idTaken(id) }]);
      else if (caught instanceof ApiError && caught.errors.length > 0) fail(caught.errors);
      else fail([{ path: '', message: t.importFailed }]);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section aria-labelledby={`${base}-h`} className="st-card">
      <h2 id={`${base}-h`}>{t.importHeading}</h2>
      <ProblemList key={n} title={t.importProblem} problems={problems} locale={locale} focusOnMount />
      <div className="sf-field">
        <label className="sf-label" htmlFor={`${base}-file`}>
          {t.importLabel}
        </label>
        <p className="sf-hint" id={`${base}-hint`}>
          {t.importHint}
        </p>
        <input
          ref={input}
          className="st-file"
          id={`${base}-file`}
          type="file"
          accept="application/json,.json"
          aria-describedby={`${base}-hint`}
          onChange={(event) => void onFile(event)}
        />
      </div>
    </section>
  );
}
