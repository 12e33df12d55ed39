import type { Answers, Receipt } from '@samform/renderer';

// sessionStorage: answers survive a reload but not the closing of the tab, which suits a
// shared computer better than localStorage would. Storage can be off or full: never fatal.
function read<T>(key: string): T | undefined {
  try {
    const raw = window.sessionStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === undefined) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full store: the form still works, only a reload loses the answers.
  }
}

const answersKey = (tenant: string, service: string) => `samform:answers:${tenant}:${service}`;
const receiptKey = (tenant: string, service: string) => `samform:receipt:${tenant}:${service}`;
const attemptKey = (tenant: string, service: string) => `samform:attempt:${tenant}:${service}`;

/** In-progress answers of one e-service. */
export const draftAnswers = {
  load: (tenant: string, service: string) => read<Answers>(answersKey(tenant, service)),
  save: (tenant: string, service: string, answers: Answers) => write(answersKey(tenant, service), answers),
  clear: (tenant: string, service: string) => write(answersKey(tenant, service), undefined),
};

/** The last receipt of one e-service, so the receipt page survives a reload. */
export const lastReceipt = {
  load: (tenant: string, service: string) => read<Receipt>(receiptKey(tenant, service)),
  save: (tenant: string, service: string, receipt: Receipt) => write(receiptKey(tenant, service), receipt),
};

/**
 * The Idempotency-Key of sending these answers: the same answers sent again (a double click, a
 * retry after a reload) reuse the key so the server files one case; changed answers get a new one.
 */
export function idempotencyKey(tenant: string, service: string, answers: unknown): string {
  const body = JSON.stringify(answers);
  const existing = read<{ key: string; body: string }>(attemptKey(tenant, service));
  if (existing && existing.body === body) return existing.key;
  const key = randomKey();
  write(attemptKey(tenant, service), { key, body });
  return key;
}

/** Forgets the key once the case is filed, so the next filling-in is a new case. */
export function clearIdempotencyKey(tenant: string, service: string): void {
  write(attemptKey(tenant, service), undefined);
}

// randomUUID exists only in secure contexts; a plain-http intranet test server is not one.
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
