import { randomUUID } from 'node:crypto';
import type { ServiceDefinition } from '@samform/model';
import type { Queue, StaffRole, StaffUser, Store, Tenant } from '@samform/store';
import { hashApiKey } from './auth/hash-api-key.ts';
import { hashPassword } from './auth/password-hash.ts';
import type { ScryptCost } from './auth/password-hash.ts';
import { canonicalJson } from './services/canonical-json.ts';

/** The demo content, as `loadForms()` of @samform/forms reads it from forms/. */
export interface DemoForms {
  tenants: Tenant[];
  queues: Record<string, Queue[]>;
  services: { owner: string; definition: ServiceDefinition }[];
}

/** What a seed run changed. */
export interface SeedReport {
  tenants: number;
  published: string[];
  /** E-services whose forms/ file changed but whose latest version a person published: left alone. */
  keptDesigned: string[];
  adoptions: number;
  users: number;
}

/**
 * Shared e-services a demo municipality has not adopted, so an administrator has something to
 * adopt on a fresh demo (README, "Demo"): Krokom does not offer the region's pause in collection.
 */
export const DEMO_NOT_ADOPTED: Readonly<Record<string, readonly string[]>> = {
  krokom: ['region-jamtland-harjedalen/uppehall-i-hamtning'],
};

const ROLE_TITLES: Record<string, { suffix: string; role: StaffRole; title: string }> = {
  handlaggare: { suffix: 'handlaggare', role: 'caseworker', title: 'Handläggare' },
  designer: { suffix: 'designer', role: 'designer', title: 'Formgivare' },
  admin: { suffix: 'admin', role: 'admin', title: 'Administratör' },
  granskare: { suffix: 'granskare', role: 'auditor', title: 'Granskare' },
};

/** The demo platform administrator: manages tenants, has no role inside one. */
export const DEMO_PLATFORM_ADMIN = { username: 'plattform.admin', password: 'demo-plattform' } as const;

/**
 * Make the store hold the demo: tenants, queues, every e-service of forms/ (a changed file
 * becomes the next version), a 'latest' adoption of every shared e-service by every member
 * (but those in DEMO_NOT_ADOPTED) when the seed first publishes it, demo staff
 * (`{t}.handlaggare` working every queue, `{t}.designer`, `{t}.admin` with an e-mail address,
 * `{t}.granskare` the auditor; password `demo-{t}`), one platform administrator
 * (`plattform.admin`, password `demo-plattform`) and API keys (`demo-key-{t}`). Safe to run on
 * every start: what exists is left as it is (demo case workers only gain queues added since).
 */
export async function seedDemo(store: Store, forms: DemoForms, options: { now?: Date; passwordCost?: ScryptCost } = {}): Promise<SeedReport> {
  const now = (options.now ?? new Date()).toISOString();
  const report: SeedReport = { tenants: forms.tenants.length, published: [], keptDesigned: [], adoptions: 0, users: 0 };

  for (const tenant of forms.tenants) {
    await store.putTenant(tenant);
    for (const queue of forms.queues[tenant.id] ?? []) {
      // A queue the admin has configured (its delivery, issue 7) survives a restart in demo mode.
      if ((await store.getQueue(tenant.id, queue.id)) === null) await store.putQueue(tenant.id, queue);
    }
  }

  for (const { owner, definition } of forms.services) {
    const latest = await store.getServiceVersion(owner, definition.id);
    if (latest !== null && canonicalJson(latest.definition) === canonicalJson(definition)) continue;
    // Once a person has published a version in the designer, that work wins over forms/ at the
    // next demo start; the file is then only where the e-service began.
    if (latest?.publishedBy !== undefined) {
      report.keptDesigned.push(`${owner}/${definition.id}@${latest.version}`);
      continue;
    }
    const version = (latest?.version ?? 0) + 1;
    await store.publishServiceVersion(owner, { owner, serviceId: definition.id, version, definition, publishedAt: now, note: 'Demo seed from forms/' });
    report.published.push(`${owner}/${definition.id}@${version}`);
  }

  const collaborations = new Set(forms.tenants.filter((t) => t.kind === 'collaboration').map((t) => t.id));
  // Only an e-service the seed published for the first time is adopted: a municipality that
  // left an adoption stays out after the next start.
  const firstPublished = new Set(report.published.filter((p) => p.endsWith('@1')).map((p) => p.slice(0, -2)));
  for (const { owner, definition } of forms.services) {
    if (!collaborations.has(owner) || !firstPublished.has(`${owner}/${definition.id}`)) continue;
    for (const member of forms.tenants.filter((t) => t.kind === 'municipality' && t.memberOf.includes(owner))) {
      if (DEMO_NOT_ADOPTED[member.id]?.includes(`${owner}/${definition.id}`)) continue;
      if ((await store.getAdoption(member.id, owner, definition.id)) !== null) continue;
      await store.putAdoption(member.id, { owner, serviceId: definition.id, track: 'latest', overrides: {}, adoptedAt: now });
      report.adoptions++;
    }
  }

  const accounts: { tenant: Tenant; kind: keyof typeof ROLE_TITLES }[] = forms.tenants.flatMap((tenant) =>
    (tenant.kind === 'municipality' ? (['handlaggare', 'designer', 'admin', 'granskare'] as const) : (['designer', 'admin'] as const)).map((kind) => ({ tenant, kind })),
  );
  // Hashing is the slow part of a first start; scrypt runs on the thread pool, so in parallel.
  const created = await Promise.all(
    accounts.map(async ({ tenant, kind }) => {
      const { suffix, role, title } = ROLE_TITLES[kind]!;
      const username = `${tenant.id}.${suffix}`;
      const queues = role === 'caseworker' ? (forms.queues[tenant.id] ?? []).map((q) => q.id) : [];
      const existing = await store.findStaffUserByUsername(username);
      if (existing !== null) {
        // The demo case workers work every queue of their municipality, also queues added to
        // forms/ later and accounts made before case workers had queues.
        const have = existing.queues?.[tenant.id] ?? [];
        const missing = existing.demo ? queues.filter((q) => !have.includes(q)) : [];
        if (missing.length > 0) await store.putStaffUser({ ...existing, queues: { ...existing.queues, [tenant.id]: [...have, ...missing] } });
        return false;
      }
      const user: StaffUser = {
        id: randomUUID(),
        username,
        displayName: `${title}, ${tenant.name}`,
        passwordHash: await hashPassword(`demo-${tenant.id}`, options.passwordCost),
        tenantRoles: { [tenant.id]: [role] },
        ...(queues.length === 0 ? {} : { queues: { [tenant.id]: queues } }),
        disabled: false,
        demo: true,
        // Admins get the failing-delivery notices and the daily digest (issue 7).
        ...(role === 'admin' ? { email: `${username}@demo.samform.localhost` } : {}),
      };
      await store.putStaffUser(user);
      return true;
    }),
  );
  report.users = created.filter(Boolean).length;
  if ((await store.findStaffUserByUsername(DEMO_PLATFORM_ADMIN.username)) === null) {
    await store.putStaffUser({
      id: randomUUID(),
      username: DEMO_PLATFORM_ADMIN.username,
      displayName: 'Plattformsadministratör',
      passwordHash: await hashPassword(DEMO_PLATFORM_ADMIN.password, options.passwordCost),
      tenantRoles: {},
      platformAdmin: true,
      disabled: false,
      demo: true,
    });
    report.users++;
  }

  for (const tenant of forms.tenants.filter((t) => t.kind === 'municipality')) {
    const hash = hashApiKey(`demo-key-${tenant.id}`);
    if ((await store.findApiKeyByHash(tenant.id, hash)) !== null) continue;
    await store.putApiKey(tenant.id, { id: `demo-${tenant.id}`, label: 'Demo key', hash, createdAt: now, demo: true });
  }
  return report;
}
