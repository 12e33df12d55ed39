import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { formatMegabytes, readAttachmentOptions } from '@samform/model';
import type { AttachmentRef } from '@samform/model';
import { errorId, helpId } from '../form/control-ids.ts';
import { errorsAt, ownErrors } from '../form/error-tree.ts';
import type { ErrorTree } from '../form/error-tree.ts';
import type { UiNode } from '../form/ui-options.ts';

const TEXT = {
  sv: {
    uploaded: 'Bifogade filer',
    remove: (name: string) => `Ta bort ${name}`,
    uploading: 'Laddar upp…',
    done: (name: string) => `${name} är uppladdad.`,
    removed: (name: string) => `${name} är borttagen.`,
    full: (n: number) => `Du har bifogat ${n} av ${n} möjliga filer.`,
    failed: 'Det gick inte att ladda upp filen. Försök igen.',
    tooMany: (n: number) => `Du kan bifoga högst ${n} filer.`,
  },
  en: {
    uploaded: 'Attached files',
    remove: (name: string) => `Remove ${name}`,
    uploading: 'Uploading…',
    done: (name: string) => `${name} is uploaded.`,
    removed: (name: string) => `${name} is removed.`,
    full: (n: number) => `You have attached ${n} of ${n} possible files.`,
    failed: 'The file could not be uploaded. Please try again.',
    tooMany: (n: number) => `You can attach at most ${n} files.`,
  },
};

function isRef(value: unknown): value is AttachmentRef {
  const r = value as Partial<AttachmentRef> | null;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.name === 'string' && typeof r.type === 'string' && typeof r.size === 'number';
}

function itemErrors(errors: ErrorTree | undefined, index: number): string[] {
  const item = errorsAt(errors, index);
  if (!item) return [];
  const nested = Object.keys(item).filter((key) => key !== '__errors').flatMap((key) => ownErrors(errorsAt(item, key)));
  return [...ownErrors(item), ...nested];
}

/** Props of {@link AttachmentWidget}. */
export interface AttachmentWidgetProps {
  id: string;
  /** The field's name in a plain form post. */
  name: string;
  ui: UiNode | undefined;
  value: unknown;
  errors: ErrorTree | undefined;
  readonly: boolean;
  locale: string;
  /** Where a chosen file is uploaded; none in a preview. */
  uploadUrl: string | undefined;
  onChange(value: AttachmentRef[] | undefined): void;
}

/**
 * An attachment field (`"ui:kind": "attachment"`): a labelled file input named like the field,
 * the files uploaded so far (each carried as hidden inputs, so a plain post keeps them) with a
 * way to remove each. With JavaScript a chosen file is uploaded at once and its reference becomes
 * the answer; without it the step's form posts the file (multipart) and the server stores it.
 */
export function AttachmentWidget({ id, name, ui, value, errors, readonly, locale: pageLocale, uploadUrl, onChange }: AttachmentWidgetProps) {
  const locale = pageLocale === 'en' ? 'en' : 'sv';
  const t = TEXT[locale];
  const options = readAttachmentOptions(ui?.['ui:options']);
  const refs: AttachmentRef[] = Array.isArray(value) ? value.filter(isRef) : [];
  const [hydrated, setHydrated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  // Until hydrated the page is a plain form: removing is a checkbox applied on Continue.
  useEffect(() => setHydrated(true), []);

  const change = (next: AttachmentRef[]) => onChange(next.length > 0 ? next : undefined);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    if (!uploadUrl || chosen.length === 0) return;
    if (refs.length + chosen.length > options.maxFiles) {
      setProblem(t.tooMany(options.maxFiles));
      event.target.value = '';
      return;
    }
    setBusy(true);
    setProblem(undefined);
    setStatus(t.uploading);
    const added: AttachmentRef[] = [];
    try {
      for (const file of chosen) {
        const body = new FormData();
        body.append('file', file, file.name);
        const response = await fetch(uploadUrl, { method: 'POST', body, headers: { 'accept-language': locale } });
        const answer = (await response.json().catch(() => undefined)) as unknown;
        if (response.status !== 201 || !isRef(answer)) {
          const message = (answer as { message?: unknown } | undefined)?.message;
          setProblem(`${file.name}: ${typeof message === 'string' && response.status < 500 ? message : t.failed}`);
          break;
        }
        added.push(answer);
      }
    } catch {
      setProblem(t.failed);
    }
    // The file is stored; posting the step must not send it again.
    event.target.value = '';
    setBusy(false);
    setStatus(added.map((ref) => t.done(ref.name)).join(' '));
    if (added.length > 0) change([...refs, ...added]);
  };

  const remove = (index: number) => {
    const gone = refs[index];
    change(refs.filter((_, i) => i !== index));
    if (gone) setStatus(t.removed(gone.name));
    input.current?.focus();
  };

  const full = refs.length >= options.maxFiles;
  const hasError = ownErrors(errors).length > 0 || problem !== undefined;
  const describedBy = [helpId(id), hasError ? errorId(id) : '', problem ? `${id}-upload-error` : ''].filter(Boolean).join(' ');

  return (
    <div className="sf-attachments">
      <input
        ref={input}
        type="file"
        id={id}
        name={name}
        className={`sf-file-input${hasError ? ' sf-input--error' : ''}`}
        accept={options.accept.join(',')}
        multiple={options.maxFiles - refs.length > 1}
        disabled={readonly || full || busy}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy}
        onChange={upload}
      />
      {problem ? (
        <p id={`${id}-upload-error`} className="sf-error-message">
          {problem}
        </p>
      ) : null}
      {full ? <p className="sf-hint">{t.full(options.maxFiles)}</p> : null}
      {refs.length > 0 ? (
        <ul className="sf-attachment-list" aria-label={t.uploaded}>
          {refs.map((ref, index) => (
            <li key={ref.id} className="sf-attachment">
              <input type="hidden" name={`${name}.${index}.id`} value={ref.id} />
              <input type="hidden" name={`${name}.${index}.name`} value={ref.name} />
              <input type="hidden" name={`${name}.${index}.type`} value={ref.type} />
              <input type="hidden" name={`${name}.${index}.size`} value={String(ref.size)} />
              <span className="sf-attachment-name">{ref.name}</span> <span className="sf-attachment-size">({formatMegabytes(ref.size)})</span>
              {hydrated ? (
                <button type="button" className="sf-button sf-button--secondary sf-attachment-remove" onClick={() => remove(index)}>
                  {t.remove(ref.name)}
                </button>
              ) : (
                <span className="sf-attachment-remove">
                  <input type="checkbox" id={`${id}-remove-${index}`} name="_remove" value={`${name}.${index}`} />{' '}
                  <label htmlFor={`${id}-remove-${index}`}>{t.remove(ref.name)}</label>
                </span>
              )}
              {itemErrors(errors, index).map((message, i) => (
                <p key={i} className="sf-error-message">
                  {message}
                </p>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="sf-visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
