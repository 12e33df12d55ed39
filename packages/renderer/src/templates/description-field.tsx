import type { DescriptionFieldProps } from '@rjsf/utils';

/** A group's description, shown as a hint under its legend. */
export function DescriptionField({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <div id={id} className="sf-hint">
      {typeof description === 'string' ? <p>{description}</p> : description}
    </div>
  );
}
