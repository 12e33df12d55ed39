import { describe, expect, it } from 'vitest';
import { fromLocalQuestions, keyFrom, toLocalQuestions } from './local-questions.ts';
import type { LocalQuestionDraft } from './local-questions.ts';

const questions: LocalQuestionDraft[] = [
  { key: 'parkering', kind: 'yes-no', label: { sv: 'Finns parkering?', en: 'Is there parking?' }, required: true, options: [] },
  { key: 'kvarter', kind: 'choice', label: { sv: 'Vilket kvarter?', en: '' }, required: false, options: [{ sv: 'Centrum', en: 'Centre' }, { sv: 'Ås', en: '' }] },
  { key: 'ovrigt', kind: 'long-text', label: { sv: 'Övrigt', en: 'Other' }, required: false, options: [] },
  { key: 'namn', kind: 'short-text', label: { sv: 'Namn', en: 'Name' }, required: false, options: [] },
];

describe('local questions', () => {
  it('makes a schema with widgets and texts, leaving empty English out', () => {
    expect(toLocalQuestions(questions)).toEqual({
      schema: {
        type: 'object',
        required: ['parkering'],
        properties: {
          parkering: { type: 'boolean', enum: [true, false] },
          kvarter: { type: 'string', enum: ['centrum', 'as'] },
          ovrigt: { type: 'string', maxLength: 2000 },
          namn: { type: 'string', maxLength: 200 },
        },
      },
      uiSchema: { 'ui:order': ['parkering', 'kvarter', 'ovrigt', 'namn'], parkering: { 'ui:widget': 'radio' }, kvarter: { 'ui:widget': 'radio' }, ovrigt: { 'ui:widget': 'textarea' } },
      texts: {
        parkering: { label: { sv: 'Finns parkering?', en: 'Is there parking?' }, options: { true: { sv: 'Ja', en: 'Yes' }, false: { sv: 'Nej', en: 'No' } } },
        kvarter: { label: { sv: 'Vilket kvarter?' }, options: { centrum: { sv: 'Centrum', en: 'Centre' }, as: { sv: 'Ås' } } },
        ovrigt: { label: { sv: 'Övrigt', en: 'Other' } },
        namn: { label: { sv: 'Namn', en: 'Name' } },
      },
    });
    expect(toLocalQuestions([])).toBeUndefined();
  });

  it('reads back what it made', () => {
    expect(fromLocalQuestions(toLocalQuestions(questions))).toEqual(questions);
    expect(fromLocalQuestions(undefined)).toEqual([]);
  });

  it('makes keys unique and never empty', () => {
    expect(keyFrom('Finns parkering?', [])).toBe('finns-parkering');
    expect(keyFrom('Finns parkering?', ['finns-parkering'])).toBe('finns-parkering-2');
    expect(keyFrom('???', [])).toBe('fraga');
  });
});
