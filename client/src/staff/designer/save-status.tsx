import { staffText } from '../staff-text.ts';
import type { SaveState } from './use-autosave.ts';

/** The draft's save state in words, always visible (the app's live region announces the outcomes). */
export function SaveStatus({ state, savedAt, locale }: { state: SaveState; savedAt: Date | undefined; locale: string }) {
  const t = staffText(locale);
  const time = savedAt?.toLocaleTimeString(locale === 'en' ? 'en-GB' : 'sv-SE', { hour: '2-digit', minute: '2-digit' });
  const words =
    state === 'saved' ? (time ? t.savedAt(time) : t.upToDate) : state === 'pending' || state === 'saving' ? t.saving : state === 'invalid' ? t.saveInvalid : t.saveFailed;
  return <p className={`st-save st-save--${state}`}>{words}</p>;
}
