import type { ReactNode } from 'react';

/**
 * Stands in for markdown-to-jsx's `Markdown` in the browser bundles (vite alias), saving about a
 * third of the form chunk. @rjsf/core renders Markdown only for `ui:enableMarkdownInDescription`
 * / `ui:enableMarkdownInHelp`, which Samform definitions never set, and for its own developer
 * errors (an unsupported field, a broken object schema), which here show as plain text.
 */
export function Markdown({ children }: { children?: ReactNode; options?: unknown }): ReactNode {
  return <span>{children}</span>;
}
