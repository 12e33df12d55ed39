import path from 'node:path';
import { openSqliteStore } from '@samform/store';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_NOT_ADOPTED, seedDemo } from '../src/seed-demo.ts';
import { CHEAP_COST, demoForms, tempDir } from './harness.ts';

describe('seedDemo', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  async function seededStore() {
    const store = await openSqliteStore({ file: path.join(temp.dir, `seed-${Math.random().toString(36).slice(2)}.sqlite`) });
    await seedDemo(store, await demoForms(), { passwordCost: CHEAP_COST });
    return store;
  }

  async function formsWithRenamedIdea() {
    const forms = await demoForms();
    return {
      ...forms,
      services: forms.services.map((s) =>
        s.owner === 'ostersund' && s.definition.id === 'lamna-din-ide'
          ? { ...s, definition: { ...s.definition, title: { sv: 'Lämna en idé', en: 'Share an idea' } } }
          : s,
      ),
    };
  }

  it('when a forms/ file changed and only the seed published before, then the change is published as the next version', async () => {
    const store = await seededStore();
    const report = await seedDemo(store, await formsWithRenamedIdea(), { passwordCost: CHEAP_COST });
    expect(report.published).toEqual(['ostersund/lamna-din-ide@2']);
    expect((await store.getServiceVersion('ostersund', 'lamna-din-ide'))?.definition.title.sv).toBe('Lämna en idé');
    await store.close();
  });

  it('when a designer published a version, then a changed forms/ file does not overwrite it at the next start', async () => {
    const store = await seededStore();
    const v1 = (await store.getServiceVersion('ostersund', 'lamna-din-ide'))!;
    const designed = { ...v1.definition, title: { sv: 'Lämna din idé till Östersund', en: 'Share your idea with Östersund' } };
    await store.publishServiceVersion('ostersund', { ...v1, version: 2, definition: designed, publishedAt: new Date().toISOString(), note: 'Ny rubrik', publishedBy: 'user-1' });

    const report = await seedDemo(store, await formsWithRenamedIdea(), { passwordCost: CHEAP_COST });
    expect(report.published).toEqual([]);
    expect(report.keptDesigned).toEqual(['ostersund/lamna-din-ide@2']);
    const latest = await store.getServiceVersion('ostersund', 'lamna-din-ide');
    expect(latest?.version).toBe(2);
    expect(latest?.definition.title.sv).toBe('Lämna din idé till Östersund');
    await store.close();
  });

  it('when seeded, then each municipality has an auditor, there is one platform admin, and demo case workers work every queue', async () => {
    const store = await seededStore();
    expect((await store.findStaffUserByUsername('are.granskare'))?.tenantRoles).toEqual({ are: ['auditor'] });
    expect(await store.listPlatformAdmins()).toEqual([expect.objectContaining({ username: 'plattform.admin', tenantRoles: {} })]);
    expect((await store.findStaffUserByUsername('are.handlaggare'))?.queues?.['are']?.sort()).toEqual(['avfall', 'gata', 'ideer', 'va']);
    await store.close();
  });

  it('when a demo case worker made before case workers had queues meets the next seed, then they gain every queue of their municipality', async () => {
    const store = await seededStore();
    const before = (await store.findStaffUserByUsername('krokom.handlaggare'))!;
    const { queues: _dropped, ...withoutQueues } = before;
    await store.putStaffUser(withoutQueues);
    const report = await seedDemo(store, await demoForms(), { passwordCost: CHEAP_COST });
    expect(report.users).toBe(0);
    expect((await store.findStaffUserByUsername('krokom.handlaggare'))?.queues?.['krokom']?.sort()).toEqual(['avfall', 'gata', 'ideer', 'va']);
    await store.close();
  });
});

describe('seedDemo adoptions', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('when the demo is fresh, then every member adopts every shared e-service but those left for an administrator to adopt', async () => {
    const store = await openSqliteStore({ file: path.join(temp.dir, 'fresh.sqlite') });
    const forms = await demoForms();
    const report = await seedDemo(store, forms, { passwordCost: CHEAP_COST });
    const krokom = (await store.listAdoptions('krokom')).map((a) => `${a.owner}/${a.serviceId}`);
    const ostersund = (await store.listAdoptions('ostersund')).map((a) => `${a.owner}/${a.serviceId}`);
    expect(DEMO_NOT_ADOPTED.krokom).toEqual(['region-jamtland-harjedalen/uppehall-i-hamtning']);
    expect(ostersund).toContain('region-jamtland-harjedalen/uppehall-i-hamtning');
    expect(krokom).not.toContain('region-jamtland-harjedalen/uppehall-i-hamtning');
    expect(krokom.length).toBe(ostersund.length - 1);
    const shared = forms.services.filter((s) => forms.tenants.some((t) => t.id === s.owner && t.kind === 'collaboration'));
    const members = (owner: string) => forms.tenants.filter((t) => t.memberOf.includes(owner)).length;
    expect(report.adoptions).toBe(shared.reduce((n, s) => n + members(s.owner), 0) - 1);
    await store.close();
  });

  it('when a municipality left an adoption, then the next start does not adopt it again', async () => {
    const store = await openSqliteStore({ file: path.join(temp.dir, 'left.sqlite') });
    await seedDemo(store, await demoForms(), { passwordCost: CHEAP_COST });
    expect(await store.deleteAdoption('are', 'region-jamtland-harjedalen', 'felanmalan')).toBe(true);
    const again = await seedDemo(store, await demoForms(), { passwordCost: CHEAP_COST });
    expect(again.adoptions).toBe(0);
    expect(await store.getAdoption('are', 'region-jamtland-harjedalen', 'felanmalan')).toBeNull();
    await store.close();
  });
});
