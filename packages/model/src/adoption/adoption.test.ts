import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../check-definition.ts';
import { compileService } from '../compile-service.ts';
import type { ServiceDefinition } from '../definition.ts';
import { ownerChange } from '../test-definition.ts';
import { contrastRatio, effectiveDefinition, formatRatio, overrideProblems } from './index.ts';
import type { AdoptionOverrides } from './index.ts';

const overrides: AdoptionOverrides = {
  texts: {
    $title: { sv: 'Ägarbyte i Krokom', en: 'Change of owner in Krokom' },
    'buyers.name': { help: { sv: 'Som i lagfarten.' } },
    kind: { options: { holiday: { sv: 'Fritidshus i Krokom' } } },
  },
  contact: { sv: 'Ring 0640-161 00.', en: 'Call +46 640 161 00.' },
  routing: { queue: 'gata' },
  retentionDays: 730,
  localQuestions: {
    schema: { type: 'object', required: ['parking'], properties: { parking: { type: 'boolean' } } },
    texts: { parking: { label: { sv: 'Finns parkering?', en: 'Is there parking?' } } },
  },
};

describe('effectiveDefinition', () => {
  it('when overrides apply, then the base answers keep their shape, local questions sit under lokalt and the result passes checkDefinition', () => {
    expect(overrideProblems(ownerChange, overrides)).toEqual([]);
    const effective = effectiveDefinition(ownerChange, overrides);
    expect(checkDefinition(effective)).toEqual([]);
    expect(effective.title.sv).toBe('Ägarbyte i Krokom');
    expect(effective.routing).toEqual({ queue: 'gata' });
    expect(effective.texts['buyers.name']).toEqual({ ...ownerChange.texts['buyers.name'], help: { sv: 'Som i lagfarten.' } });
    expect(effective.texts.kind?.options?.house).toEqual(ownerChange.texts.kind?.options?.house);
    expect(effective.texts.kind?.options?.holiday).toEqual({ sv: 'Fritidshus i Krokom' });
    expect(effective.receipt?.nextSteps.en).toContain('Call +46 640 161 00.');
    for (const key of Object.keys(ownerChange.schema.properties as object)) {
      expect((effective.schema.properties as Record<string, unknown>)[key]).toEqual((ownerChange.schema.properties as Record<string, unknown>)[key]);
    }
    expect(effective.schema.required).toContain('lokalt');
    const validate = compileService(effective).validate;
    const paths = (data: unknown) => validate(data as never, { now: new Date('2026-01-05T10:00:00Z') }).map((i) => i.path);
    expect(paths({ lokalt: {} })).toContain('/lokalt/parking');
    expect(paths({ lokalt: { parking: true } })).not.toContain('/lokalt/parking');
  });

  it('never changes the base', () => {
    const before = JSON.stringify(ownerChange);
    effectiveDefinition(ownerChange, overrides);
    expect(JSON.stringify(ownerChange)).toBe(before);
  });
});

describe('overrideProblems', () => {
  const without = (field: string): ServiceDefinition => {
    const { [field]: _removed, ...properties } = ownerChange.schema.properties as Record<string, unknown>;
    const texts = Object.fromEntries(Object.entries(ownerChange.texts).filter(([path]) => path !== field && !path.startsWith(`${field}.`)));
    return { ...ownerChange, schema: { ...ownerChange.schema, properties }, texts };
  };

  it('when an override targets a removed field, then it no longer applies, pointed at the override', () => {
    const problems = overrideProblems(without('persons'), { texts: { persons: { label: { sv: 'Antal' } } } });
    expect(problems).toEqual([{ path: '/texts/persons', message: expect.objectContaining({ en: 'No longer applies: the e-service has no field "persons".' }) }]);
  });

  it('when an override names an option the base no longer has, then it no longer applies', () => {
    const problems = overrideProblems(ownerChange, { texts: { kind: { options: { cabin: { sv: 'Stuga' } } } } });
    expect(problems.map((p) => p.path)).toEqual(['/texts/kind/options/cabin']);
  });

  it('when overrides are malformed, then each problem is pointed', () => {
    const problems = overrideProblems(ownerChange, { colour: 'red', texts: { $footer: { sv: 'x' }, $title: 'Titel' }, retentionDays: 0, routing: {} });
    expect(problems.map((p) => p.path).sort()).toEqual(['/colour', '/retentionDays', '/routing', '/texts/$footer', '/texts/$title']);
    expect(overrideProblems(ownerChange, [])).toEqual([expect.objectContaining({ path: '' })]);
  });

  it('when the effective definition breaks a rule, then checkDefinition problems are pointed back at the override', () => {
    const problems = overrideProblems(ownerChange, { localQuestions: { schema: { type: 'object', properties: { parking: { type: 'boolean' } } }, texts: {} } });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.path).toMatch(/^\/localQuestions/);
    const rule = overrideProblems(ownerChange, { routing: { queue: 'gata', rules: [{ when: { field: 'nope', equals: 1 }, queue: 'va' }] } });
    expect(rule.map((p) => p.path)).toEqual([expect.stringMatching(/^\/routing\/rules\/0/)]);
  });
});

describe('theme', () => {
  it('when a colour reaches 4.5:1 with white both ways, then it applies', () => {
    expect(overrideProblems(ownerChange, { theme: { primaryColor: '#005b96' } })).toEqual([]);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('when a colour is too light, then the problem points at /theme/primaryColor and gives the measured ratio in sv and en', () => {
    const problems = overrideProblems(ownerChange, { theme: { primaryColor: '#ffcc00' } });
    expect(problems).toEqual([
      {
        path: '/theme/primaryColor',
        message: {
          sv: expect.stringContaining('1,51:1') as string,
          en: expect.stringContaining('1.51:1') as string,
        },
      },
    ]);
  });

  it('rounds the ratio down, so a colour just below the limit never reads as 4.5', () => {
    // #777777 on white is 4.478:1.
    expect(formatRatio(contrastRatio('#777777', '#ffffff'), 'en')).toBe('4.47');
    expect(overrideProblems(ownerChange, { theme: { primaryColor: '#777777' } }).map((p) => p.path)).toEqual(['/theme/primaryColor']);
  });

  it('when the theme is malformed, then each problem is pointed', () => {
    const problems = overrideProblems(ownerChange, { theme: { primaryColor: 'blue', font: 'x', logo: { sha256: 'a'.repeat(64), alt: { sv: 'Krokoms kommun' } } } });
    expect(problems.map((p) => p.path).sort()).toEqual(['/theme/font', '/theme/logo/alt', '/theme/primaryColor']);
    expect(overrideProblems(ownerChange, { theme: { primaryColor: '#005b96', logo: { sha256: 'nope', alt: { sv: 'a', en: 'a' } } } }).map((p) => p.path)).toEqual(['/theme/logo']);
  });
});
