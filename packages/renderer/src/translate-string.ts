import { englishStringTranslator, TranslatableString } from '@rjsf/utils';

const SWEDISH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.YesLabel]: 'Ja',
  [TranslatableString.NoLabel]: 'Nej',
  [TranslatableString.AddButton]: 'Lägg till',
  [TranslatableString.AddItemButton]: 'Lägg till',
  [TranslatableString.RemoveButton]: 'Ta bort',
  [TranslatableString.CopyButton]: 'Kopiera',
  [TranslatableString.MoveUpButton]: 'Flytta upp',
  [TranslatableString.MoveDownButton]: 'Flytta ned',
  [TranslatableString.ClearButton]: 'Töm fältet',
  [TranslatableString.ArrayItemTitle]: 'Post',
  [TranslatableString.EmptyArray]: 'Inget tillagt än.',
};

/** rjsf's built-in strings (yes/no of a boolean radio, list buttons) in the page's language. */
export function translateString(locale: string): (key: TranslatableString, params?: string[]) => string {
  return (key, params) => {
    const swedish = locale === 'en' ? undefined : SWEDISH[key];
    return swedish ?? englishStringTranslator(key, params);
  };
}
