import { rendererText } from '../renderer-text.ts';
import { descriptionId, titleId } from './control-ids.ts';

/** The legend of a group of fields (an object or a list), with required marked in text, and its description. */
export function GroupLegend({ id, title, description, required, locale }: { id: string; title?: string | undefined; description?: string | undefined; required: boolean; locale: string }) {
  return (
    <>
      {title ? (
        <legend id={titleId(id)} className="sf-legend">
          {title}
          {required ? <span className="sf-required"> {rendererText(locale).required}</span> : null}
        </legend>
      ) : null}
      {description ? (
        <div id={descriptionId(id)} className="sf-hint">
          <p>{description}</p>
        </div>
      ) : null}
    </>
  );
}
