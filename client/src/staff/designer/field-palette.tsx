import { FIELD_KIND_INFO, FIELD_KINDS, text } from '@samform/model';
import type { FieldKind } from '@samform/model';
import { staffText } from '../staff-text.ts';

// The palette in groups an administrator recognises, rather than one long row of twenty buttons.
const GROUPS: { id: 'text' | 'contact' | 'choice' | 'more' | 'blocks'; kinds: FieldKind[] }[] = [
  { id: 'text', kinds: ['short-text', 'long-text', 'number', 'date'] },
  { id: 'contact', kinds: ['email', 'phone', 'personnummer', 'organisationsnummer', 'postnummer', 'address', 'fastighetsbeteckning'] },
  { id: 'choice', kinds: ['single-choice', 'multiple-choice', 'yes-no', 'consent'] },
  { id: 'more', kinds: ['attachment', 'repeated-group'] },
  { id: 'blocks', kinds: ['heading', 'information', 'stop-notice'] },
];

/** Every field kind as an "add" button; new fields go after the selected field of the step. */
export function FieldPalette({ locale, onAdd }: { locale: string; onAdd: (kind: FieldKind) => void }) {
  const t = staffText(locale);
  const grouped = new Set(GROUPS.flatMap((group) => group.kinds));
  const rest = FIELD_KINDS.filter((kind) => !grouped.has(kind));
  // A kind added to the model later still shows, with the files and groups.
  const groups = GROUPS.map((group) => (group.id === 'more' ? { ...group, kinds: [...group.kinds, ...rest] } : group));
  return (
    <section className="st-palette" aria-labelledby="st-palette-heading">
      <h3 id="st-palette-heading" tabIndex={-1}>{t.paletteHeading}</h3>
      <p className="sf-hint">{t.paletteHint}</p>
      {groups.map((group) => (
        <div key={group.id} role="group" aria-labelledby={`st-palette-${group.id}`} className="st-palette-group">
          <p className="st-palette-group-name" id={`st-palette-${group.id}`}>
            {t.paletteGroups[group.id]}
          </p>
          <ul className="st-palette-list">
            {group.kinds.map((kind) => (
              <li key={kind}>
                <button type="button" className="st-palette-button" onClick={() => onAdd(kind)}>
                  <span aria-hidden="true" className="st-plus">
                    +
                  </span>
                  <span className="sf-visually-hidden">{t.addPrefix}</span>
                  {text(FIELD_KIND_INFO[kind].label, locale)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
