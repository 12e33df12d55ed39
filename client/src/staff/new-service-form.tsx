import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { addField, newServiceDefinition, slugify } from '@samform/model';
import { ApiError, staffApi } from './staff-api.ts';
import type { PointedError } from './staff-api.ts';
import { ProblemList, useAnnounce } from './staff-parts.tsx';
import { staffText } from './staff-text.ts';

const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** "Ny e-tjänst": a name in Swedish and English and an address id (derived from the name until edited). */
export function NewServiceForm({ tenant, locale, onCreated }: { tenant: string; locale: string; onCreated: (id: string) => void }) {
  const t = staffText(locale);
  const announce = useAnnounce();
  const base = useId();
  const [sv, setSv] = useState('');
  const [en, setEn] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [problems, setProblems] = useState<PointedError[]>([]);
  const [busy, setBusy] = useState(false);
  const shownId = idEdited ? id : slugify(sv).slice(0, 63);
  const summary = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: PointedError[] = [];
    if (sv.trim() === '') found.push({ path: '/title/sv', message: t.needTitleSv });
    if (!ID.test(shownId)) found.push({ path: '/id', message: t.badId });
    summary.current += 1;
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const empty = newServiceDefinition(shownId, en.trim() ? { sv: sv.trim(), en: en.trim() } : { sv: sv.trim() });
      // A draft holds at least one question (the definition format asks for one), so it starts with a short text.
      const definition = addField(empty, empty.steps?.[0]?.id ?? 'steg-1', 'short-text').definition;
      await staffApi.create(tenant, definition);
      announce(t.created(sv.trim()));
      onCreated(shownId);
    } catch (caught) {
      summary.current += 1;
      if (caught instanceof ApiError && caught.status === 409) setProblems([{ path: '/id', message: t.idTaken(shownId) }]);
      else if (caught instanceof ApiError && caught.errors.length > 0) setProblems(caught.errors);
      else setProblems([{ path: '', message: t.createFailed }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${base}-h`} className="st-card">
      <h2 id={`${base}-h`}>{t.newService}</h2>
      <ProblemList key={summary.current} title={t.fixFirst} problems={problems} locale={locale} focusOnMount />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${base}-sv`}>
            {t.nameSv}
          </label>
          <input className="sf-input" id={`${base}-sv`} lang="sv" value={sv} onChange={(event) => setSv(event.target.value)} />
        </div>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${base}-en`}>
            {t.nameEn}
          </label>
          <input className="sf-input" id={`${base}-en`} lang="en" value={en} onChange={(event) => setEn(event.target.value)} />
        </div>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${base}-id`}>
            {t.addressId}
          </label>
          <p className="sf-hint" id={`${base}-id-hint`}>
            {t.addressIdHint}
          </p>
          <input
            className="sf-input"
            id={`${base}-id`}
            aria-describedby={`${base}-id-hint`}
            spellCheck={false}
            autoCapitalize="none"
            value={shownId}
            onChange={(event) => {
              setIdEdited(true);
              setId(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="sf-button" aria-disabled={busy || undefined}>
          {t.create}
        </button>
      </form>
    </section>
  );
}
