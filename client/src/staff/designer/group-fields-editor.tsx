import { FIELD_KIND_INFO, text } from '@samform/model';
import type { FieldKind, FieldSettings } from '@samform/model';
import { staffText } from '../staff-text.ts';
import { LocalTextInputs } from './setting-inputs.tsx';

// The kinds a group offers for its own fields: the everyday ones (a buyer's name, share, personnummer…).
const GROUP_KINDS: FieldKind[] = ['short-text', 'number', 'personnummer', 'email', 'phone', 'date'];

// A readable key per kind, as the model names new fields.
const STEMS: Partial<Record<FieldKind, string>> = { 'short-text': 'kortText', number: 'tal', personnummer: 'personnummer', email: 'epost', phone: 'telefon', date: 'datum' };

function uniqueKey(stem: string, taken: string[]): string {
  let key = stem;
  for (let n = 2; taken.includes(key); n += 1) key = `${stem}${n}`;
  return key;
}

/** The fields of a group (or of each item of a repeated group): their questions, required, remove, and add. */
export function GroupFieldsEditor({ fields, onChange, locale, idBase }: { fields: FieldSettings[]; onChange: (next: FieldSettings[], group?: string) => void; locale: string; idBase: string }) {
  const t = staffText(locale);
  const replace = (index: number, next: FieldSettings, group?: string) => onChange(fields.map((field, i) => (i === index ? next : field)), group);
  return (
    <fieldset className="sf-fieldset st-setting st-group-fields">
      <legend className="st-label">{t.groupFields}</legend>
      {fields.length === 0 ? <p className="sf-hint">{t.groupEmpty}</p> : null}
      <ol className="st-option-list">
        {fields.map((field, index) => {
          const name = text(field.label, locale) || t.untitledField;
          return (
            <li key={field.key} className="st-option">
              <p className="st-sub-kind">
                {t.groupFieldN(index + 1)}: {text(FIELD_KIND_INFO[field.kind].label, locale)}
              </p>
              <LocalTextInputs
                label={t.groupFieldQuestion(index + 1)}
                value={field.label}
                idBase={`${idBase}-sub-${field.key}`}
                locale={locale}
                onChange={(label) => replace(index, { ...field, label }, `sub-${field.key}-label`)}
              />
              <div className="st-button-row">
                <label className="sf-choice">
                  <input type="checkbox" className="sf-choice-input" checked={field.required} onChange={(event) => replace(index, { ...field, required: event.target.checked })} />
                  <span className="sf-choice-label">{t.groupFieldRequired(name)}</span>
                </label>
                <button type="button" className="st-action st-action--danger" onClick={() => onChange(fields.filter((_, i) => i !== index))}>
                  {t.groupFieldRemove(name)}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="st-button-row">
        {GROUP_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="sf-button sf-button--secondary st-small"
            onClick={() =>
              onChange([
                ...fields,
                { kind, key: uniqueKey(STEMS[kind] ?? 'falt', fields.map((f) => f.key)), label: { sv: 'Ny fråga', en: 'New question' }, required: true },
              ])
            }
          >
            {t.groupAdd(text(FIELD_KIND_INFO[kind].label, locale))}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
