import { describe, expect, it } from 'vitest';
import { readTenants } from './tenants-file.ts';

const queue = { id: 'va', name: { sv: 'Vatten och avlopp', en: 'Water and sewage' }, delivery: { kind: 'pull' } };

describe('readTenants', () => {
  it('when a municipality is in two collaborations, then it is a member of both', () => {
    const read = readTenants({
      collaborations: [
        { id: 'vattenforbundet', name: 'Vattenförbundet', members: ['are', 'krokom'] },
        { id: 'avfall-jamtland', name: 'Avfall Jämtland', members: ['are'] },
      ],
      municipalities: [
        { id: 'krokom', name: 'Krokom' },
        { id: 'are', name: 'Åre' },
      ],
      queues: [queue],
    });
    expect(read).toEqual({
      registry: {
        tenants: [
          { id: 'are', name: 'Åre', kind: 'municipality', memberOf: ['vattenforbundet', 'avfall-jamtland'] },
          { id: 'avfall-jamtland', name: 'Avfall Jämtland', kind: 'collaboration', memberOf: [] },
          { id: 'krokom', name: 'Krokom', kind: 'municipality', memberOf: ['vattenforbundet'] },
          { id: 'vattenforbundet', name: 'Vattenförbundet', kind: 'collaboration', memberOf: [] },
        ],
        queues: { are: [queue], krokom: [queue] },
      },
    });
  });

  it('when ids repeat, a queue lacks English or a key is unknown, then each is pointed at', () => {
    const read = readTenants({
      collaborations: [],
      municipalities: [
        { id: 'berg', name: 'Berg' },
        { id: 'berg', name: 'Berg' },
      ],
      queues: [{ id: 'va', name: { sv: 'VA' }, delivery: { kind: 'push' } }],
      themes: {},
    });
    expect(read).toEqual({
      problems: [
        { pointer: '/themes', message: 'unknown key "themes"' },
        { pointer: '/municipalities/1/id', message: '"berg" is used by another tenant' },
        { pointer: '/queues/0/name', message: 'must be a text per locale with at least "sv" and "en"' },
        { pointer: '/queues/0/delivery', message: 'must be { "kind": "pull" }' },
      ],
    });
  });

  it('when the file is not an object, then it says what it must be', () => {
    expect(readTenants([])).toEqual({ problems: [{ pointer: '', message: 'must be an object with collaborations, municipalities and queues' }] });
  });
});
