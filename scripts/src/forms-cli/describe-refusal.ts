import { errorCode } from './samform-session.ts';

type Problem = { path?: unknown; severity?: unknown; message?: unknown };

/** One line from a refusing answer: its status and code, then each error's pointer and message. */
export function describeRefusal(status: number, text: string): string {
  let body: { message?: unknown; errors?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `${status} ${text.slice(0, 200)}`.trimEnd();
  }
  const errors = Array.isArray(body.errors) ? (body.errors as Problem[]).filter((p) => p.severity === undefined || p.severity === 'error') : [];
  const head = `${status} ${errorCode(text)}`.trimEnd();
  if (errors.length === 0) return typeof body.message === 'string' ? `${head}: ${body.message}` : head;
  return `${head}: ${errors.map((p) => `${typeof p.path === 'string' && p.path !== '' ? p.path : '(whole file)'} ${messageOf(p.message)}`).join('; ')}`;
}

// Publish checks answer texts in both languages; the CLI speaks English like its other output.
function messageOf(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message !== null && typeof message === 'object') {
    const { en, sv } = message as { en?: unknown; sv?: unknown };
    if (typeof en === 'string') return en;
    if (typeof sv === 'string') return sv;
  }
  return '';
}
