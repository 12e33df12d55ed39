import type { Registry } from '@rjsf/utils';

/** What the theme's templates need beyond rjsf's props. */
export interface SamformFormContext {
  locale: string;
  /** The top-level properties the current step shows; all of them when unset. */
  stepFields?: string[];
  /** Top-level properties hidden by their "show when" condition for the answers so far. */
  hiddenFields?: string[];
  /** Where an attachment field (by form name) uploads its files; unset in a preview, which uploads nothing. */
  attachmentUploadUrl?: (field: string) => string;
}

/** The form context of a registry, with Swedish as the locale when unset. */
export function samformContext(registry: Registry): SamformFormContext {
  const context = registry.formContext as Partial<SamformFormContext> | undefined;
  return {
    locale: context?.locale ?? 'sv',
    ...(context?.stepFields ? { stepFields: context.stepFields } : {}),
    ...(context?.hiddenFields ? { hiddenFields: context.hiddenFields } : {}),
    ...(context?.attachmentUploadUrl ? { attachmentUploadUrl: context.attachmentUploadUrl } : {}),
  };
}

/** The locale a template renders in. */
export function localeOf(registry: Registry): string {
  return samformContext(registry).locale;
}
