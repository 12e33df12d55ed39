import type { PointedError } from '../staff-api.ts';
import { localText } from '../staff-parts.tsx';
import { LocalPairInputs } from './local-pair.tsx';
import type { Pair } from './local-pair.tsx';
import { sharedText } from './shared-text.ts';

/** The definition texts an adoption may replace, in the editor's order. */
export const TEXT_TARGETS = ['$title', '$description', '$receipt', '$privacyNotice'] as const;
/** One of them. */
export type TextTarget = (typeof TEXT_TARGETS)[number];

/** A field's label and help text override as the editor holds it; `kept` holds option and error texts as stored. */
export interface FieldTextRow {
  field: string;
  label: Pair;
  help: Pair;
  kept: Record<string, unknown>;
}

/** A question of the base e-service a text may be given for. */
export interface FieldChoice {
  path: string;
  label: string;
}

function errorText(errors: PointedError[], locale: string): string {
  return errors.map((e) => localText(e.messages ?? e.message, locale)).join(' ');
}

/** Props of {@link AdoptionTexts}. */
export interface AdoptionTextsProps {
  id: string;
  locale: string;
  texts: Record<TextTarget, Pair>;
  onTexts: (texts: Record<TextTarget, Pair>) => void;
  rows: FieldTextRow[];
  onRows: (rows: FieldTextRow[]) => void;
  fields: FieldChoice[];
  /** The server's problems under /overrides/texts. */
  errors: PointedError[];
}

/** Title, introduction, "what happens next" and privacy notice per locale, and label/help texts of the base's questions. */
export function AdoptionTexts({ id, locale, texts, onTexts, rows, onRows, fields, errors }: AdoptionTextsProps) {
  const t = sharedText(locale);
  const names: Record<TextTarget, string> = { $title: t.textTitle, $description: t.textDescription, $receipt: t.textReceipt, $privacyNotice: t.textPrivacy };
  const errorsAt = (prefix: string) => errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}/`));
  const setRow = (i: number, row: FieldTextRow) => onRows(rows.map((r, j) => (j === i ? row : r)));
  const free = fields.filter((f) => !rows.some((r) => r.field === f.path));
  const labelOf = (path: string) => fields.find((f) => f.path === path)?.label ?? path;
  return (
    <>
      <fieldset className="sf-fieldset st-fieldset-block" aria-describedby={`${id}-hint`}>
        <legend className="sf-legend">{t.textsHeading}</legend>
        <p className="sf-hint" id={`${id}-hint`}>
          {t.textsHint}
        </p>
        {TEXT_TARGETS.map((target) => {
          const problems = errorsAt(`/overrides/texts/${target}`);
          return (
            <div key={target} className={`sf-field${problems.length > 0 ? ' sf-field--error' : ''}`}>
              {problems.length > 0 ? (
                <p className="sf-error-message" id={`${id}-${target.slice(1)}-error`}>
                  {errorText(problems, locale)}
                </p>
              ) : null}
              <LocalPairInputs
                id={`${id}-${target.slice(1)}`}
                labels={{ sv: t.inLanguage(names[target], 'sv'), en: t.inLanguage(names[target], 'en') }}
                value={texts[target]}
                multiline={target !== '$title'}
                invalid={problems.length > 0}
                describedBy={problems.length > 0 ? `${id}-${target.slice(1)}-error` : undefined}
                onChange={(value) => onTexts({ ...texts, [target]: value })}
              />
            </div>
          );
        })}
      </fieldset>
      <fieldset className="sf-fieldset st-fieldset-block" aria-describedby={`${id}-fields-hint`}>
        <legend className="sf-legend">{t.fieldTextsHeading}</legend>
        <p className="sf-hint" id={`${id}-fields-hint`}>
          {t.fieldTextsHint}
        </p>
        {rows.length === 0 ? <p>{t.fieldTextNone}</p> : null}
        {rows.map((row, i) => {
          const rowId = `${id}-field-${i}`;
          const problems = errorsAt(`/overrides/texts/${row.field.replace(/~/g, '~0').replace(/\//g, '~1')}`);
          return (
            <div key={i} className={`st-subform sf-field${problems.length > 0 ? ' sf-field--error' : ''}`}>
              {problems.length > 0 ? (
                <p className="sf-error-message" id={`${rowId}-error`}>
                  {errorText(problems, locale)}
                </p>
              ) : null}
              <label className="sf-label" htmlFor={`${rowId}-path`}>
                {t.fieldTextField}
              </label>
              <select
                className="sf-select"
                id={`${rowId}-path`}
                value={row.field}
                aria-describedby={problems.length > 0 ? `${rowId}-error` : undefined}
                onChange={(e) => setRow(i, { ...row, field: e.target.value, kept: {} })}
              >
                {[row.field, ...free.map((f) => f.path)].map((path) => (
                  <option key={path} value={path}>
                    {`${labelOf(path)} (${path})`}
                  </option>
                ))}
              </select>
              <LocalPairInputs
                id={`${rowId}-label`}
                labels={{ sv: t.inLanguage(t.fieldTextLabel, 'sv'), en: t.inLanguage(t.fieldTextLabel, 'en') }}
                value={row.label}
                onChange={(label) => setRow(i, { ...row, label })}
              />
              <LocalPairInputs
                id={`${rowId}-help`}
                labels={{ sv: t.inLanguage(t.fieldTextHelp, 'sv'), en: t.inLanguage(t.fieldTextHelp, 'en') }}
                value={row.help}
                multiline
                onChange={(help) => setRow(i, { ...row, help })}
              />
              <button type="button" className="st-action st-action--danger" onClick={() => onRows(rows.filter((_, j) => j !== i))}>
                {t.fieldTextRemove(labelOf(row.field))}
              </button>
            </div>
          );
        })}
        {free.length > 0 ? (
          <button
            type="button"
            className="sf-button sf-button--secondary st-small"
            onClick={() => onRows([...rows, { field: free[0]!.path, label: { sv: '', en: '' }, help: { sv: '', en: '' }, kept: {} }])}
          >
            {t.fieldTextAdd}
          </button>
        ) : null}
      </fieldset>
    </>
  );
}
