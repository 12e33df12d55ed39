import { describe, expect, test } from 'vitest';
import { compileService } from '@samform/model';
import { cleanAnswers, pageTitle } from '../src/index.ts';
import { controlIdOf, toErrorSchema } from '../src/error-schema.ts';
import { errorsOfStep, stepIndexOf, stepsOf } from '../src/steps.ts';
import { validateAnswers } from '../src/validate-answers.ts';
import { PAUSE_SERVICE } from './fixtures.ts';

describe('form helpers', () => {
  test('when errors have JSON pointers, then they nest as rjsf error schema and map to control ids', () => {
    expect(toErrorSchema([{ path: '/contact/email', message: 'Fel e-post' }, { path: '/role', message: 'Välj' }])).toEqual({
      contact: { email: { __errors: ['Fel e-post'] } },
      role: { __errors: ['Välj'] },
    });
    expect(controlIdOf('/contact/email')).toBe('f-contact-email');
    expect(controlIdOf('/buyers/1/name')).toBe('f-buyers-1-name');
  });

  test('when validating a step, then only errors of that step’s fields count', () => {
    const errors = validateAnswers(compileService(PAUSE_SERVICE), PAUSE_SERVICE, {}, 'sv');
    const steps = stepsOf(PAUSE_SERVICE);
    expect(errors.map((e) => e.path).sort()).toEqual(['/from', '/property', '/role']);
    expect(errorsOfStep(errors, steps[0]!).map((e) => e.path).sort()).toEqual(['/property', '/role']);
    expect(stepIndexOf(steps, '/contact/email')).toBe(1);
    expect(stepIndexOf(steps, '')).toBe(-1);
  });

  test('when a definition has no steps, then it is one step with every property, titled like the service', () => {
    const { steps: _steps, ...single } = PAUSE_SERVICE;
    expect(stepsOf(single)).toEqual([{ id: 'form', title: PAUSE_SERVICE.title, fields: ['urgent', 'property', 'role', 'from', 'bins', 'contact', 'agree'] }]);
  });

  test('when answers hold empty strings, lists and groups, then they are left out', () => {
    expect(cleanAnswers({ a: '', b: 'x', c: { d: '' }, e: [], f: false, g: 0 })).toEqual({ b: 'x', f: false, g: 0 });
  });

  test('when the page shows errors, then its title starts with "Fel: " and repeated parts appear once', () => {
    expect(pageTitle(['Lämna din idé', 'Lämna din idé', 'Östersund', 'Samform'], { locale: 'sv' })).toBe('Lämna din idé – Östersund – Samform');
    expect(pageTitle(['Din idé', 'Lämna din idé', 'Östersund', 'Samform'], { locale: 'sv', hasErrors: true })).toBe('Fel: Din idé – Lämna din idé – Östersund – Samform');
    expect(pageTitle(['Your idea'], { locale: 'en', hasErrors: true })).toBe('Error: Your idea');
  });
});
