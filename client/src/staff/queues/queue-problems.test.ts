import { describe, expect, it } from 'vitest';
import { queueProblems } from './queue-problems.ts';
import { queuesText } from './queues-text.ts';

describe('queueProblems', () => {
  it('puts a refused private webhook at the URL field, in Swedish and in English', () => {
    const errors = [{ path: '/delivery/url', keyword: 'private-target', message: 'url resolves to a private … address' }];
    expect(queueProblems(errors, queuesText('sv'))).toEqual([{ field: 'url', message: queuesText('sv').problemUrlPrivate }]);
    expect(queueProblems(errors, queuesText('en'))[0]?.message).toMatch(/^The address points at this computer/);
  });

  it('orders the problems as the form shows its fields and keeps one per field', () => {
    const t = queuesText('sv');
    const errors = [
      { path: '/delivery/secret', keyword: 'required', message: 'secret is required' },
      { path: '/delivery/url', keyword: 'insecure-url', message: 'https' },
      { path: '/name', keyword: 'required', message: 'name' },
      { path: '/delivery/url', keyword: 'invalid-url', message: 'again' },
    ];
    expect(queueProblems(errors, t)).toEqual([
      { field: 'nameSv', message: t.problemName },
      { field: 'url', message: t.problemUrlInsecure },
      { field: 'secret', message: t.problemSecretRequired },
    ]);
  });

  it('sends a problem the form has no field for to the part it belongs to', () => {
    const t = queuesText('en');
    expect(queueProblems([{ path: '/delivery/extra', keyword: 'additionalProperties', message: 'x' }], t)).toEqual([{ field: 'kind', message: t.problemKind }]);
    expect(queueProblems([{ path: '/colour', keyword: 'additionalProperties', message: 'x' }], t)).toEqual([{ field: 'nameSv', message: t.problemOther }]);
  });
});
