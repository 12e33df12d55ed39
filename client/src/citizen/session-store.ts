// sessionStorage: the key of a send survives a reload but not the closing of the tab (the
// answers themselves are in the server's draft). Storage can be off or full: never fatal.
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

const attemptKey = (tenant: string, service: string) => `samform:attempt:${tenant}:${service}`;

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
