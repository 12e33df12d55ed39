import { errorId, getUiOptions, helpId } from '@rjsf/utils';
import type { FieldTemplateProps } from '@rjsf/utils';
import { attachmentHint, readAttachmentOptions } from '@samform/model';
import { controlKind } from '../control-kind.ts';
import { localeOf } from '../form-context.ts';
import { hintLines } from '../hint.ts';
import { rendererText } from '../renderer-text.ts';

/**
 * Lays out one field GOV.UK-style: label (or legend), hint, error message, control. Radio and
 * checkbox groups sit in a fieldset whose legend holds the question.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, hidden, required, schema, uiSchema, registry, rawDescription, rawHelp, rawErrors } = props;
  if (hidden) return <div hidden>{children}</div>;
  const uiOptions = getUiOptions(uiSchema);
  // An attachment field is one labelled file input, though its answer is a list.
  const attachment = uiSchema?.['ui:kind'] === 'attachment';
  const kind = attachment ? 'input' : controlKind(schema, uiOptions);
  if (kind === 'notice' || kind === 'container') return children;

  const locale = localeOf(registry);
  const text = rendererText(locale);
  const hint = hintLines(schema, { description: rawDescription, help: rawHelp }, locale);
  if (attachment) hint.push(attachmentHint(readAttachmentOptions(uiSchema?.['ui:options']), locale));
  const hasError = (rawErrors?.length ?? 0) > 0;
  const className = `sf-field${hasError ? ' sf-field--error' : ''}`;
  const requiredMark = required ? <span className="sf-required"> {text.required}</span> : null;
  const hintBlock =
    hint.length > 0 ? (
      <div id={helpId(id)} className="sf-hint">
        {hint.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
    ) : null;

  if (kind === 'group') {
    const ids = [hint.length > 0 ? helpId(id) : '', hasError ? errorId(id) : ''].filter(Boolean).join(' ');
    return (
      <div className={className}>
        <fieldset className="sf-fieldset" aria-describedby={ids || undefined}>
          <legend className="sf-legend">
            {label}
            {requiredMark}
          </legend>
          {hintBlock}
          {errors}
          {children}
        </fieldset>
      </div>
    );
  }

  return (
    <div className={className}>
      {kind === 'input' ? (
        <label className="sf-label" htmlFor={id}>
          {label}
          {requiredMark}
        </label>
      ) : null}
      {hintBlock}
      {errors}
      {children}
    </div>
  );
}
