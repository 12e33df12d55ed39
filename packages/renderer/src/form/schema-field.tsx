import { memo, useCallback } from 'react';
import { attachmentHint, formFieldId, formFieldName, readAttachmentOptions } from '@samform/model';
import type { JsonSchema } from '@samform/model';
import { controlKind, isChoiceList } from '../control-kind.ts';
import { NoticeField } from '../fields/notice-field.tsx';
import { hintLines } from '../hint.ts';
import { rendererText } from '../renderer-text.ts';
import { AttachmentWidget } from '../widgets/attachment-widget.tsx';
import { CheckboxWidget } from '../widgets/checkbox-widget.tsx';
import { CheckboxesWidget } from '../widgets/checkboxes-widget.tsx';
import { RadioWidget } from '../widgets/radio-widget.tsx';
import { SelectWidget } from '../widgets/select-widget.tsx';
import { TextInput } from '../widgets/text-input.tsx';
import { TextareaWidget } from '../widgets/textarea-widget.tsx';
import type { ControlProps } from './control-props.ts';
import { enumOptionsOf } from './enum-options.ts';
import { ownErrors } from './error-tree.ts';
import { FieldFrame } from './field-frame.tsx';
import { fieldText } from './field-text.ts';
import type { FieldProps } from './field-props.ts';
import { ObjectGroup } from './object-group.tsx';
import { RepeatedGroup } from './repeated-group.tsx';
import { uiChild, uiOptionsOf } from './ui-options.ts';

type Control = (props: ControlProps) => ReturnType<typeof TextInput>;

/** The control of a field that answers with one value (or a list of choices). */
function controlOf(props: FieldProps, widget: unknown, hasChoices: boolean): Control {
  const type = Array.isArray(props.schema.type) ? props.schema.type[0] : props.schema.type;
  if (type === 'array') return CheckboxesWidget;
  if (widget === 'radio') return RadioWidget;
  if (widget === 'checkboxes') return CheckboxesWidget;
  if (type === 'boolean') return widget === 'select' ? SelectWidget : CheckboxWidget;
  if (hasChoices || widget === 'select') return SelectWidget;
  if (widget === 'textarea') return TextareaWidget;
  return TextInput;
}

/**
 * One field of the form, at any depth: a notice, a group (object), a list of groups, an
 * attachment, or a single control in its frame. Memoised: typing in one field re-renders that
 * field only, whatever the size of the form.
 */
export const SchemaField = memo(function SchemaField(props: FieldProps) {
  const { schema, ui, path, name, value, required, errors, env } = props;
  const options = uiOptionsOf(ui);
  const onChange = useCallback((next: unknown) => env.change(path, next), [env, path.join('\u0000')]);
  const id = formFieldId(formFieldName(path));
  const kind = controlKind(schema, options);
  if (kind === 'notice') return <NoticeField id={id} schema={schema} options={options} />;
  const readonly = options.readonly === true;
  const label = fieldText(schema, options, 'title') ?? name;
  const messages = ownErrors(errors);
  const hint = hintLines(schema, options, env.locale);

  if (ui?.['ui:kind'] === 'attachment') {
    // An attachment field is one labelled file input, though its answer is a list.
    const fieldName = formFieldName(path);
    hint.push(attachmentHint(readAttachmentOptions(ui['ui:options']), env.locale));
    return (
      <FieldFrame id={id} kind="input" label={label} required={required} hint={hint} errors={messages} locale={env.locale}>
        <AttachmentWidget id={id} name={fieldName} ui={ui} value={value} errors={errors} readonly={readonly} locale={env.locale} uploadUrl={env.attachmentUploadUrl?.(fieldName)} onChange={onChange} />
      </FieldFrame>
    );
  }
  if (kind === 'container') {
    if (schema.type === 'object' || (Array.isArray(schema.type) && schema.type[0] === 'object')) return <ObjectGroup {...props} />;
    if (!isChoiceList(schema)) return <RepeatedGroup {...props} />;
  }
  const t = rendererText(env.locale);
  const choiceSchema = isChoiceList(schema) ? (schema.items as JsonSchema) : schema;
  const choiceOptions = isChoiceList(schema) ? { ...options, ...uiOptionsOf(uiChild(ui, 'items')) } : options;
  const choices = enumOptionsOf(choiceSchema, choiceOptions, { yes: t.yes, no: t.no });
  const Control = controlOf(props, options.widget, choices.length > 0 && schema.type !== 'boolean');
  return (
    <FieldFrame id={id} kind={kind === 'container' ? 'group' : kind} label={label} required={required} hint={hint} errors={messages} locale={env.locale}>
      <Control
        id={id}
        name={formFieldName(path)}
        schema={schema}
        options={options}
        value={value}
        label={label}
        required={required}
        readonly={readonly}
        hasHint={hint.length > 0}
        hasError={messages.length > 0}
        locale={env.locale}
        choices={choices}
        onChange={onChange}
      />
    </FieldFrame>
  );
});
