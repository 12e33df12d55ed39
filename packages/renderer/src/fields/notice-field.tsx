import type { JsonSchema } from '@samform/model';
import { fieldText } from '../form/field-text.ts';
import type { UiOptions } from '../form/ui-options.ts';

/**
 * A block of information in the form (`"type": "null"`, `"ui:field": "notice"`): a heading
 * and its text; a warning ("urgent leaks: call 063-…") is drawn so it stands out. It holds no answer.
 */
export function NoticeField({ id, schema, options }: { id: string; schema: JsonSchema; options: UiOptions }) {
  const kind = options.kind === 'warning' ? 'warning' : 'info';
  const title = fieldText(schema, options, 'title');
  const body = fieldText(schema, options, 'description');
  return (
    <div className={`sf-notice sf-notice--${kind}`} id={id}>
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
