import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * oidc-provider's storage for the demo IdP: in memory, one map per IdP, expiring entries. A
 * demo login needs nothing to outlive the process; naming our own adapter also keeps
 * oidc-provider from warning on every start that its development adapter is in use.
 */
export function memoryAdapterFactory(): new (name: string) => Adapter {
  const entries = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  return class MemoryAdapter implements Adapter {
    constructor(private readonly name: string) {}
    private key(id: string): string {
      return `${this.name}:${id}`;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      entries.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
    }
    async find(id: string): Promise<AdapterPayload | undefined> {
      return live(this.key(id));
    }
    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      for (const [key, entry] of entries) if (key.startsWith(`${this.name}:`) && entry.payload.userCode === userCode) return live(key);
      return undefined;
    }
    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      for (const [key, entry] of entries) if (key.startsWith(`${this.name}:`) && entry.payload.uid === uid) return live(key);
      return undefined;
    }
    async consume(id: string): Promise<void> {
      const payload = live(this.key(id));
      if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      entries.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, entry] of entries) if (entry.payload.grantId === grantId) entries.delete(key);
    }
  };
}
