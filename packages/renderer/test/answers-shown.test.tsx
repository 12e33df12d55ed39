import { readFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '@samform/model';
import { ServiceForm } from '../src/index.ts';

const SEPTIC: ServiceDefinition = JSON.parse(
  readFileSync(new URL('../../../forms/region-jamtland-harjedalen/bestall-slamtomning.json', import.meta.url), 'utf8'),
);

describe('a yes/no question on a fresh form', () => {
  test('when nothing is answered yet, then neither Ja nor Nej is chosen for the citizen', () => {
    const html = renderToString(<ServiceForm service={SEPTIC} locale="sv" onSubmit={async () => ({ ok: false, errors: [] })} initialPage={0} />);
    const radios = [...html.matchAll(/<input[^>]*name="ordinaryRound"[^>]*>/g)].map((m) => m[0]);
    expect(radios).toHaveLength(2);
    for (const radio of radios) expect(radio).not.toContain('checked');
  });
});

describe('a question shown only when another answer holds', () => {
  const CALL: ServiceDefinition = {
    id: 'ring-mig',
    title: { sv: 'Ring mig', en: 'Call me' },
    schema: { type: 'object', properties: { wantsCall: { type: 'boolean', enum: [true, false] }, phone: { type: 'string' } } },
    uiSchema: { wantsCall: { 'ui:widget': 'radio' }, phone: { 'ui:showWhen': { field: 'wantsCall', equals: true } } },
    texts: {
      wantsCall: { label: { sv: 'Vill du att vi ringer dig?' }, options: { true: { sv: 'Ja' }, false: { sv: 'Nej' } } },
      phone: { label: { sv: 'Ditt telefonnummer' } },
    },
    routing: { queue: 'va' },
  };
  const render = (data: Record<string, unknown>) =>
    renderToString(<ServiceForm service={CALL} locale="sv" onSubmit={async () => ({ ok: false, errors: [] })} initialPage={0} initialData={data} />);

  test('when the condition does not hold, then the question is not on the page; when it does, it is', () => {
    expect(render({})).not.toContain('Ditt telefonnummer');
    expect(render({ wantsCall: false })).not.toContain('Ditt telefonnummer');
    expect(render({ wantsCall: true })).toContain('Ditt telefonnummer');
  });

  test('when the review lists the answers, then a hidden question and its left-over answer are not there', async () => {
    const { answersForReview } = await import('../src/index.ts');
    const fields = (data: Record<string, unknown>) => answersForReview(CALL, data, 'sv').flatMap((s) => s.answers.map((a) => a.field));
    expect(fields({ wantsCall: false, phone: '070-174 06 50' })).toEqual(['wantsCall']);
    expect(fields({ wantsCall: true, phone: '070-174 06 50' })).toEqual(['wantsCall', 'phone']);
  });
});
