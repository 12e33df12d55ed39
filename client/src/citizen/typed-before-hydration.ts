import { answersFromForm, mergeStepAnswers } from '@samform/model';
import type { JsonValue } from '@samform/model';
import { stepsOf } from '@samform/renderer';
import type { ServicePageState } from './page-state.ts';

/**
 * The served form page with what the citizen typed into it before the scripts arrived: the
 * step's form read exactly as the server reads its plain post. Hydrating from this state keeps
 * every keystroke, so the served form can be filled in from its first paint (issue 8), and the
 * page's state agrees with what the fields show.
 */
export function withTypedAnswers(state: ServicePageState, form: HTMLFormElement | null): ServicePageState {
  const step = typeof state.form.page === 'number' ? stepsOf(state.service)[state.form.page] : undefined;
  if (!form || !step) return state;
  const typed = answersFromForm(state.service, step.fields, new FormData(form)).answers;
  const answers = mergeStepAnswers(state.form.answers as { [key: string]: JsonValue }, step.fields, typed);
  return { ...state, form: { ...state.form, answers } };
}
