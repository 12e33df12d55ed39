import { getUiOptions } from '@rjsf/utils';
import type { FieldProps } from '@rjsf/utils';

/**
 * A block of information in the form (`"type": "null"`, `"ui:field": "notice"`): a heading
 * and its text; a warning ("urgent leaks: call 063-…") is drawn so it stands out. It holds no answer.
 */
export function NoticeField({ schema, uiSchema, fieldPathId }: FieldProps) {
  const options = getUiOptions(uiSchema);
  const kind = options.kind === 'warning' ? 'warning' : 'info';
  const title = typeof options.title === 'string' ? options.title : schema.title;
  const body = typeof options.description === 'string' ? options.description : schema.description;
  return (
    <div className={`sf-notice sf-notice--${kind}`} id={fieldPathId.$id}>
      {title ? <h2 className="sf-notice-heading">{title}</h2> : null}
      {body
        ? body.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} className="sf-notice-body">
              {paragraph}
            </p>
          ))
        : null}
    </div>
  );
}
