import type { Ref } from 'react';

/** A text in Swedish and English as two inputs hold it. */
export interface Pair {
  sv: string;
  en: string;
}

/** An empty pair. */
export const EMPTY_PAIR: Pair = { sv: '', en: '' };

/** Props of {@link LocalPairInputs}. */
export interface LocalPairInputsProps {
  id: string;
  /** The Swedish and the English input's visible labels. */
  labels: Pair;
  value: Pair;
  onChange: (value: Pair) => void;
  multiline?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
  /** The Swedish input, so an error can move focus to it. */
  svRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

/** Two labelled inputs, Swedish then English, each marked with its language. */
export function LocalPairInputs({ id, labels, value, onChange, multiline = false, describedBy, invalid = false, svRef }: LocalPairInputsProps) {
  const input = (locale: 'sv' | 'en') => {
    const common = {
      id: `${id}-${locale}`,
      lang: locale,
      value: value[locale],
      'aria-describedby': describedBy,
      'aria-invalid': (invalid && locale === 'sv') || undefined,
      ...(locale === 'sv' && svRef !== undefined ? { ref: svRef } : {}),
    };
    return multiline ? (
      <textarea {...common} className="sf-textarea st-textarea-small" onChange={(e) => onChange({ ...value, [locale]: e.target.value })} />
    ) : (
      <input {...common} type="text" className="sf-input" onChange={(e) => onChange({ ...value, [locale]: e.target.value })} />
    );
  };
  return (
    <>
      <label className="sf-label" htmlFor={`${id}-sv`}>
        {labels.sv}
      </label>
      {input('sv')}
      <label className="sf-label" htmlFor={`${id}-en`}>
        {labels.en}
      </label>
      {input('en')}
    </>
  );
}

/** A pair from a stored `LocalText`-like value. */
export function pairOf(value: unknown): Pair {
  const r = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { sv: typeof r.sv === 'string' ? r.sv : '', en: typeof r.en === 'string' ? r.en : '' };
}

/** The `LocalText` of a pair: undefined when Swedish is empty; English only when written. */
export function localTextOf(pair: Pair): { sv: string; en?: string } | undefined {
  if (pair.sv.trim() === '') return undefined;
  return pair.en.trim() === '' ? { sv: pair.sv.trim() } : { sv: pair.sv.trim(), en: pair.en.trim() };
}
