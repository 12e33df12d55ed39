import type { ServiceDefinition } from '@samform/model';
import { staffText } from '../staff-text.ts';

/** The draft as the JSON the server stores and exports, read-only. */
export function JsonTab({ definition, locale }: { definition: ServiceDefinition; locale: string }) {
  const t = staffText(locale);
  return (
    <>
      <h2 id="st-json-heading">{t.jsonHeading}</h2>
      <p className="sf-hint">{t.jsonIntro}</p>
      {/* Focusable, so the scrolling box can be read with the keyboard alone. */}
      <pre className="st-json" tabIndex={0} role="region" aria-labelledby="st-json-heading">
        {JSON.stringify(definition, null, 2)}
      </pre>
    </>
  );
}
