import { describe, expect, test } from 'vitest';
import { answersForReview } from '../src/index.ts';
import { PAUSE_SERVICE } from './fixtures.ts';

describe('answersForReview', () => {
  test('when answers are given, then each step lists its questions with readable answers and skips notices', () => {
    const sections = answersForReview(
      PAUSE_SERVICE,
      { property: 'Östersund Arvesgården 4:12', role: 'leaseholder', from: '2025-06-30', bins: ['140', '190'], contact: { email: 'a@b.se' }, agree: true },
      'sv',
    );
    expect(sections).toEqual([
      {
        stepId: 'where',
        stepIndex: 0,
        title: 'Fastigheten',
        answers: [
          { field: 'property', label: 'Fastighetsbeteckning', lines: ['Östersund Arvesgården 4:12'] },
          { field: 'role', label: 'Du är', lines: ['Tomträttsinnehavare'] },
        ],
      },
      {
        stepId: 'when',
        stepIndex: 1,
        title: 'Tid och kontakt',
        answers: [
          { field: 'from', label: 'Från och med', lines: ['30 juni 2025'] },
          { field: 'bins', label: 'Kärl', lines: ['140 liter, 190 liter'] },
          { field: 'contact', label: 'Kontakt', lines: ['E-post: a@b.se'] },
          { field: 'agree', label: 'Jag intygar', lines: ['Ja'] },
        ],
      },
    ]);
  });

  test('when a question is unanswered or empty, then its lines are empty', () => {
    const [, when] = answersForReview(PAUSE_SERVICE, { contact: { email: '' }, bins: [] }, 'en');
    expect(when?.answers.map((a) => [a.label, a.lines])).toEqual([
      ['From', []],
      ['Bins', []],
      ['Contact', []],
      ['I confirm', []],
    ]);
  });

  test('when English is asked for, then labels, options and yes/no are English with Swedish as fallback', () => {
    const [where, when] = answersForReview(PAUSE_SERVICE, { role: 'owner', bins: ['140'], agree: false }, 'en');
    expect(where?.answers[1]).toEqual({ field: 'role', label: 'You are', lines: ['Owner'] });
    expect(when?.answers[1]?.lines).toEqual(['140 liter']);
    expect(when?.answers[3]?.lines).toEqual(['No']);
  });
});
