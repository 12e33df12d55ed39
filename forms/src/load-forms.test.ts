import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormsError } from './form-problem.ts';
import { FORMS_DIR, loadForms } from './load-forms.ts';

describe('loadForms on the repository', () => {
  it('reads the two collaborations, seventeen municipalities and thirteen e-services', async () => {
    const catalogue = await loadForms();
    const collaborations = catalogue.tenants.filter((t) => t.kind === 'collaboration');
    expect(collaborations.map((t) => [t.id, t.name])).toEqual([
      ['esamverkan-vasternorrland', 'eSamverkan Västernorrland'],
      ['region-jamtland-harjedalen', 'Region Jämtland Härjedalen'],
    ]);
    expect(catalogue.tenants).toHaveLength(19);
    expect(catalogue.tenants.find((t) => t.id === 'ornskoldsvik')).toEqual({
      id: 'ornskoldsvik',
      name: 'Örnsköldsvik',
      kind: 'municipality',
      memberOf: ['esamverkan-vasternorrland'],
    });
    expect(catalogue.tenants.filter((t) => t.memberOf.includes('region-jamtland-harjedalen')).map((t) => t.id).sort()).toEqual(
      ['are', 'berg', 'bracke', 'harjedalen', 'krokom', 'ostersund', 'ragunda', 'stromsund'],
    );
    expect(catalogue.services.map((s) => `${s.owner}/${s.definition.id}`)).toEqual([
      'esamverkan-vasternorrland/andra-avfallsabonnemang',
      'esamverkan-vasternorrland/bestall-slamtomning',
      'esamverkan-vasternorrland/felanmalan',
      'esamverkan-vasternorrland/hemkompostering',
      'esamverkan-vasternorrland/uppehall-i-hamtning',
      'ostersund/lamna-din-ide',
      'region-jamtland-harjedalen/agarbyte',
      'region-jamtland-harjedalen/andra-avfallsabonnemang',
      'region-jamtland-harjedalen/bestall-slamtomning',
      'region-jamtland-harjedalen/felanmalan',
      'region-jamtland-harjedalen/uppehall-i-hamtning',
      'region-jamtland-harjedalen/vattenmatarstallning',
      'sundsvall/medborgarforslag',
    ]);
    expect(catalogue.services[5]?.file).toBe(join(FORMS_DIR, 'ostersund', 'lamna-din-ide.json'));
  });

  it('gives every municipality, and no collaboration, the four pull queues', async () => {
    const { queues } = await loadForms();
    expect(Object.keys(queues)).toHaveLength(17);
    expect(queues['region-jamtland-harjedalen']).toBeUndefined();
    expect(queues.are).toEqual([
      { id: 'va', name: { sv: 'Vatten och avlopp', en: 'Water and sewage' }, delivery: { kind: 'pull' } },
      { id: 'avfall', name: { sv: 'Avfall', en: 'Waste' }, delivery: { kind: 'pull' } },
      { id: 'gata', name: { sv: 'Gata och park', en: 'Streets and parks' }, delivery: { kind: 'pull' } },
      { id: 'ideer', name: { sv: 'Idéer', en: 'Ideas' }, delivery: { kind: 'pull' } },
    ]);
  });
});

describe('loadForms on a broken copy', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'samform-forms-'));
    await cp(FORMS_DIR, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|src)$/.test(src) });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function edit(file: string, change: (json: Record<string, unknown>) => void): Promise<void> {
    const path = join(dir, file);
    const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    change(json);
    await writeFile(path, JSON.stringify(json, null, 2));
  }

  async function failure(): Promise<string> {
    const error: unknown = await loadForms(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FormsError);
    return (error as FormsError).message.replaceAll(dir, '<dir>');
  }

  it('when nothing is broken, then the copy loads like the original', async () => {
    expect((await loadForms(dir)).services).toHaveLength(13);
  });

  it('when a file is not valid JSON, then the error names the file and the line', async () => {
    await writeFile(join(dir, 'ostersund', 'lamna-din-ide.json'), '{\n  "id": "lamna-din-ide"\n  "title": {}\n}\n');
    expect(await failure()).toMatch(/^<dir>\/ostersund\/lamna-din-ide\.json: not valid JSON: [^\n]* \(line 3, column 3\)$/);
  });

  it('when a definition breaks the model, then the error names the file and the pointer', async () => {
    await edit('sundsvall/medborgarforslag.json', (d) => {
      (d.texts as Record<string, unknown>)['proposer.city'] = { help: { sv: 'Ort', en: 'Town' } };
    });
    expect(await failure()).toBe('<dir>/sundsvall/medborgarforslag.json: /texts/proposer.city/label: is required');
  });

  it('when the id differs from the file name, then the error points at /id', async () => {
    await edit('region-jamtland-harjedalen/felanmalan.json', (d) => (d.id = 'felanmalningar'));
    expect(await failure()).toBe('<dir>/region-jamtland-harjedalen/felanmalan.json: /id: must be "felanmalan", the file\'s name');
  });

  it('when routing names a queue the municipalities lack, then the error points at that rule', async () => {
    await edit('esamverkan-vasternorrland/felanmalan.json', (d) => {
      ((d.routing as { rules: { queue: string }[] }).rules[0] as { queue: string }).queue = 'vatten';
    });
    expect(await failure()).toBe(
      '<dir>/esamverkan-vasternorrland/felanmalan.json: /routing/rules/0/queue: names no queue of the receiving municipalities: "vatten"',
    );
  });

  it('when a text has no English version, then the error points at it', async () => {
    await edit('ostersund/lamna-din-ide.json', (d) => {
      (d.receipt as { nextSteps: Record<string, string> }).nextSteps = { sv: 'Tack!' };
    });
    expect(await failure()).toBe('<dir>/ostersund/lamna-din-ide.json: /receipt/nextSteps: has no English text: add "en" next to "sv"');
  });

  it('when a folder is not a tenant, then the error names the folder', async () => {
    await mkdir(join(dir, 'gotland'));
    await writeFile(join(dir, 'gotland', 'felanmalan.json'), '{}');
    expect(await failure()).toBe('<dir>/gotland: the folder "gotland" is no tenant of tenants.json');
  });

  it('when tenants.json gives an id that is not the slug of the name, then it points at the id', async () => {
    await edit('tenants.json', (t) => {
      ((t.municipalities as { id: string }[])[2] as { id: string }).id = 'aare';
    });
    const message = await failure();
    expect(message).toContain('<dir>/tenants.json: /municipalities/2/id: must be "are", the slug of the name "Åre"');
    expect(message).toContain('<dir>/tenants.json: /collaborations/0/members/2: "are" is not one of the municipalities');
  });

  it('when several files are broken, then every one is listed', async () => {
    await edit('region-jamtland-harjedalen/felanmalan.json', (d) => (d.id = 'x-felanmalan'));
    await edit('sundsvall/medborgarforslag.json', (d) => (d.identification = 'bankid'));
    const lines = (await failure()).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^<dir>\/region-jamtland-harjedalen\/felanmalan\.json: \/id: /);
    expect(lines[1]).toMatch(/^<dir>\/sundsvall\/medborgarforslag\.json: \/identification: /);
  });
});
