import { useState } from 'react';
import { FIELD_KIND_INFO, readField, setShowWhen, text, writeField } from '@samform/model';
import type { FieldSettings, ServiceDefinition } from '@samform/model';
import { staffText } from '../staff-text.ts';
import { AttachmentEditor } from './attachment-editor.tsx';
import { ConditionEditor } from './condition-editor.tsx';
import { DateRuleEditor } from './date-rule-editor.tsx';
import type { Edit } from './designer-page.tsx';
import { fieldName } from './field-list.tsx';
import { GroupFieldsEditor } from './group-fields-editor.tsx';
import { OptionsEditor } from './options-editor.tsx';
import { PatternEditor } from './pattern-editor.tsx';
import { CheckSetting, LocalTextInputs, NumberSetting, RadioSetting } from './setting-inputs.tsx';

/** The id of the selected field's first label box (focused after adding a field). */
export const LABEL_INPUT_ID = 'st-prop-label';

const NOTICE_KINDS = new Set(['heading', 'information', 'stop-notice']);

/** The properties of the selected field, read with `readField` and written back with `writeField`. */
export function FieldProperties({ definition, fieldKey, edit, locale, onRenamed }: { definition: ServiceDefinition; fieldKey: string; edit: Edit; locale: string; onRenamed: (key: string) => void }) {
  const t = staffText(locale);
  let settings: FieldSettings;
  try {
    settings = readField(definition, fieldKey);
  } catch {
    return <p>{t.fieldMissing}</p>;
  }
  const update = (patch: Partial<FieldSettings>, group?: string) =>
    edit((current) => writeField(current, fieldKey, { ...readField(current, fieldKey), ...patch }), group === undefined ? undefined : `${fieldKey}:${group}`);
  const kind = settings.kind;
  const notice = NOTICE_KINDS.has(kind);
  const topLevel = !fieldKey.includes('.');
  const id = `st-prop-${fieldKey}`;

  return (
    <div className="st-props-body">
      <p className="st-kind">
        {t.kindIs} <strong>{text(FIELD_KIND_INFO[kind].label, locale)}</strong>
      </p>
      {kind === 'information' || kind === 'stop-notice' ? (
        <RadioSetting
          legend={t.noticeKind}
          value={kind}
          onChange={(next) => update({ kind: next })}
          options={[
            { value: 'information', label: t.noticeInformation },
            { value: 'stop-notice', label: t.noticeStop },
          ]}
        />
      ) : null}
      <LocalTextInputs
        label={notice ? t.noticeHeading : kind === 'repeated-group' || kind === 'group' ? t.groupLabel : t.question}
        value={settings.label}
        idBase={LABEL_INPUT_ID}
        locale={locale}
        onChange={(label) => update({ label }, 'label')}
      />
      {kind !== 'heading' ? (
        <LocalTextInputs
          label={notice ? t.noticeText : t.help}
          hint={notice ? undefined : t.helpHint}
          value={settings.help}
          multiline
          idBase={`${id}-help`}
          locale={locale}
          onChange={(help) => update({ help: help.sv === '' && !help.en ? undefined : help } as Partial<FieldSettings>, 'help')}
        />
      ) : null}
      {FIELD_KIND_INFO[kind].input ? (
        <CheckSetting label={t.required} hint={kind === 'consent' ? t.consentRequiredHint : undefined} checked={settings.required} onChange={(required) => update({ required })} />
      ) : null}

      {kind === 'short-text' || kind === 'long-text' ? (
        <div className="st-pair">
          <NumberSetting label={t.minLength} value={settings.minLength} onChange={(minLength) => update({ minLength }, 'minLength')} />
          <NumberSetting label={t.maxLength} value={settings.maxLength} min={1} onChange={(maxLength) => update({ maxLength }, 'maxLength')} />
        </div>
      ) : null}
      {kind === 'short-text' ? <PatternEditor pattern={settings.pattern} locale={locale} onChange={(pattern, group) => update({ pattern }, group)} /> : null}
      {kind === 'number' ? (
        <>
          <div className="st-pair">
            <NumberSetting label={t.minimum} value={settings.minimum} min={-1e15} onChange={(minimum) => update({ minimum }, 'minimum')} />
            <NumberSetting label={t.maximum} value={settings.maximum} min={-1e15} onChange={(maximum) => update({ maximum }, 'maximum')} />
          </div>
          <CheckSetting label={t.integer} checked={settings.integer === true} onChange={(integer) => update({ integer })} />
        </>
      ) : null}
      {kind === 'date' ? <DateRuleEditor rule={settings.dateRule} locale={locale} onChange={(dateRule, group) => update({ dateRule }, group)} /> : null}
      {kind === 'single-choice' ? (
        <RadioSetting
          legend={t.widgetLegend}
          value={settings.widget ?? 'radio'}
          onChange={(widget) => update({ widget })}
          options={[
            { value: 'radio', label: t.widgetRadio },
            { value: 'select', label: t.widgetSelect },
          ]}
        />
      ) : null}
      {settings.options && (kind === 'single-choice' || kind === 'multiple-choice' || kind === 'yes-no') ? (
        <OptionsEditor options={settings.options} fixed={kind === 'yes-no'} idBase={id} locale={locale} onChange={(options, group) => update({ options }, group)} />
      ) : null}
      {kind === 'multiple-choice' ? (
        <div className="st-pair">
          <NumberSetting label={t.minChoices} value={settings.minItems} onChange={(minItems) => update({ minItems }, 'minItems')} />
          <NumberSetting label={t.maxChoices} value={settings.maxItems} min={1} onChange={(maxItems) => update({ maxItems }, 'maxItems')} />
        </div>
      ) : null}
      {kind === 'attachment' ? (
        <AttachmentEditor accept={settings.accept ?? []} maxBytes={settings.maxBytes ?? 0} maxFiles={settings.maxFiles ?? 1} locale={locale} onChange={(next, group) => update(next, group)} />
      ) : null}
      {kind === 'repeated-group' ? (
        <div className="st-pair">
          <NumberSetting label={t.minItems} value={settings.minItems} onChange={(minItems) => update({ minItems }, 'minItems')} />
          <NumberSetting label={t.maxItems} value={settings.maxItems} min={1} onChange={(maxItems) => update({ maxItems }, 'maxItems')} />
        </div>
      ) : null}
      {(kind === 'repeated-group' || kind === 'group') && settings.fields ? (
        <GroupFieldsEditor fields={settings.fields} idBase={id} locale={locale} onChange={(fields, group) => update({ fields }, group)} />
      ) : null}

      {topLevel ? <ConditionEditor definition={definition} target={{ field: fieldKey }} locale={locale} onChange={(condition) => edit((current) => setShowWhen(current, { field: fieldKey }, condition))} /> : null}

      <KeyEditor key={fieldKey} fieldKey={settings.key} name={fieldName(definition, fieldKey, locale)} locale={locale} onRename={(key) => {
        if (update({ key })) onRenamed(fieldKey.split('.').slice(0, -1).concat(key).join('.'));
      }} />
    </div>
  );
}

/** The field's technical key (what the answers and exports call it), under Avancerat, renamed on request. */
function KeyEditor({ fieldKey, name, locale, onRename }: { fieldKey: string; name: string; locale: string; onRename: (key: string) => void }) {
  const t = staffText(locale);
  const [value, setValue] = useState(fieldKey);
  const valid = /^[a-zA-Z][a-zA-Z0-9_-]*$/.test(value);
  return (
    <details className="st-advanced">
      <summary>{t.advanced}</summary>
      <div className="st-setting">
        <label className="st-label" htmlFor="st-prop-key">
          {t.keyLabel}
        </label>
        <p className="sf-hint" id="st-prop-key-hint">
          {t.keyHint(name)}
        </p>
        <div className="st-button-row">
          <input className="sf-input sf-input--short st-mono" id="st-prop-key" aria-describedby="st-prop-key-hint" spellCheck={false} value={value} onChange={(event) => setValue(event.target.value)} />
          <button type="button" className="sf-button sf-button--secondary st-small" aria-disabled={!valid || value === fieldKey || undefined} onClick={() => valid && value !== fieldKey && onRename(value)}>
            {t.renameKey}
          </button>
        </div>
        {!valid ? <p className="sf-error-message">{t.keyInvalid}</p> : null}
      </div>
    </details>
  );
}
