import { compileService, localizeIssues, routeSubmission, type ServiceDefinition } from '@samform/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers, type Answers } from './example-answers.ts';
import { loadForms } from './load-forms.ts';
import type { FormsCatalogue } from './check-forms.ts';

// A Monday morning in Stockholm; the rules count days from the day of receipt there.
const NOW = new Date('2026-03-02T08:00:00Z');
const JAMTLAND = 'region-jamtland-harjedalen';
const VASTERNORRLAND = 'esamverkan-vasternorrland';

let catalogue: FormsCatalogue;
beforeAll(async () => {
  catalogue = await loadForms();
});

function definitionOf(owner: string, id: string): ServiceDefinition {
  const found = catalogue.services.find((s) => s.owner === owner && s.definition.id === id);
  if (!found) throw new Error(`no e-service ${owner}/${id}`);
  return found.definition;
}

/** The issues of answers (the example with `change` applied) as sorted `path keyword` lines. */
function issues(owner: string, id: string, change: (a: Answers) => void, now = NOW): string[] {
  const answers = exampleAnswers(owner, id, now);
  change(answers);
  return compileService(definitionOf(owner, id))
    .validate(answers, { now })
    .map((i) => `${i.path} ${i.keyword}`)
    .sort();
}

function messages(owner: string, id: string, change: (a: Answers) => void, locale: string): string[] {
  const definition = definitionOf(owner, id);
  const answers = exampleAnswers(owner, id, NOW);
  change(answers);
  return localizeIssues(compileService(definition).validate(answers, { now: NOW }), definition, locale).map((e) => e.message);
}

const contactOf = (a: Answers) => a.contact as Answers;
const proposerOf = (a: Answers) => a.proposer as Answers;

describe('example answers', () => {
  // Late on a Friday evening in UTC is already Saturday in Stockholm, and new year's eve turns.
  const days = [NOW, new Date('2026-11-27T23:30:00Z'), new Date('2026-12-31T23:30:00Z'), new Date()];

  it('when validated on several days, then every e-service has an example without issues', () => {
    expect(catalogue.services.length).toBe(13);
    for (const { owner, definition } of catalogue.services) {
      const compiled = compileService(definition);
      for (const now of days) {
        expect(compiled.validate(exampleAnswers(owner, definition.id, now), { now }), `${owner}/${definition.id} on ${now.toISOString()}`).toEqual([]);
      }
    }
  });

  it('when an e-service has no example, then exampleAnswers says where to add one', () => {
    expect(() => exampleAnswers('ostersund', 'finns-inte', NOW)).toThrow(/ostersund\/finns-inte.*example-answers\.ts/);
  });
});

describe('ostersund/lamna-din-ide', () => {
  it('when the public-record box is not ticked, then the idea is refused', () => {
    expect(issues('ostersund', 'lamna-din-ide', (a) => (a.publicRecord = false))).toEqual(['/publicRecord const']);
    expect(issues('ostersund', 'lamna-din-ide', (a) => delete a.publicRecord)).toEqual(['/publicRecord required']);
  });

  it('when nobody is chosen as beneficiary or the submitter kind is unknown, then those fields are named', () => {
    expect(issues('ostersund', 'lamna-din-ide', (a) => ((a.beneficiaries = []), (a.submitterKind = 'tourist')))).toEqual([
      '/beneficiaries minItems',
      '/submitterKind enum',
    ]);
  });

  it('when the idea is anonymous, then it is accepted and goes to the ideas queue', () => {
    const definition = definitionOf('ostersund', 'lamna-din-ide');
    expect(issues('ostersund', 'lamna-din-ide', (a) => delete a.contact)).toEqual([]);
    expect(routeSubmission(definition, exampleAnswers('ostersund', 'lamna-din-ide', NOW))).toBe('ideer');
  });

  it('follows the eight stops of the idea journey and can leave it at the decision', () => {
    const workflow = definitionOf('ostersund', 'lamna-din-ide').workflow ?? [];
    expect(workflow.map((s) => s.id)).toEqual([
      'received', 'investigating', 'decision', 'project-prepared', 'project-running', 'reality', 'evaluated', 'simpler-everyday', 'declined',
    ]);
    expect(workflow.filter((s) => s.final).map((s) => s.id)).toEqual(['simpler-everyday', 'declined']);
  });

  it('when the box is not ticked, then the message says what to do in Swedish and English', () => {
    expect(messages('ostersund', 'lamna-din-ide', (a) => (a.publicRecord = false), 'sv')).toEqual(['Kryssa i rutan för att bekräfta.']);
    expect(messages('ostersund', 'lamna-din-ide', (a) => (a.publicRecord = false), 'en')).toEqual(['Tick the box to confirm.']);
  });
});

describe.each([JAMTLAND, VASTERNORRLAND])('%s: shared e-services', (owner) => {
  it('andra-avfallsabonnemang: when the bin size is not offered or the attestation is missing, then both are named', () => {
    expect(issues(owner, 'andra-avfallsabonnemang', (a) => ((a.binSize = 240), delete a.invoiceRecipient))).toEqual([
      '/binSize enum',
      '/invoiceRecipient required',
    ]);
  });

  it('andra-avfallsabonnemang: when the property designation has no number, then the message shows how to write it', () => {
    expect(issues(owner, 'andra-avfallsabonnemang', (a) => (a.property = 'Arvesgården'))).toEqual(['/property format']);
    const [sv] = messages(owner, 'andra-avfallsabonnemang', (a) => (a.property = 'Arvesgården'), 'sv');
    expect(sv).toMatch(/^Skriv fastighetsbeteckningen som kommun, trakt och nummer med kolon, till exempel .+ \d+:\d+\.$/);
  });

  it('uppehall-i-hamtning: when the pause starts in two weeks, then the start date is refused', () => {
    expect(issues(owner, 'uppehall-i-hamtning', (a) => ((a.from = '2026-03-16'), (a.to = '2026-09-16')))).toEqual(['/from dateRule']);
    expect(issues(owner, 'uppehall-i-hamtning', (a) => ((a.from = '2026-04-13'), (a.to = '2026-10-13')))).toEqual([]);
  });

  it('uppehall-i-hamtning: when the period is 13 months, 2 months or backwards, then the end date is refused', () => {
    const period = (from: string, to: string) => issues(owner, 'uppehall-i-hamtning', (a) => ((a.from = from), (a.to = to)));
    expect(period('2026-05-01', '2027-06-01')).toEqual(['/to dateRange']);
    expect(period('2026-05-01', '2026-07-01')).toEqual(['/to dateRange']);
    expect(period('2026-05-01', '2026-04-30')).toEqual(['/to dateRange']);
    expect(period('2026-05-01', '2026-08-01')).toEqual([]);
  });

  it('uppehall-i-hamtning: when the end date is missing, then it is required', () => {
    expect(issues(owner, 'uppehall-i-hamtning', (a) => delete a.to)).toEqual(['/to required']);
  });

  it('uppehall-i-hamtning: the date messages say how to fix them in Swedish and English', () => {
    const early = (a: Answers) => ((a.from = '2026-03-16'), (a.to = '2026-09-16'));
    expect(messages(owner, 'uppehall-i-hamtning', early, 'sv')).toEqual([
      'Uppehållet kan börja tidigast sex veckor (42 dagar) efter att vi fått ansökan. Välj ett senare datum.',
    ]);
    expect(messages(owner, 'uppehall-i-hamtning', early, 'en')).toEqual([
      'The pause can start six weeks (42 days) after we receive the application at the earliest. Choose a later date.',
    ]);
    const long = (a: Answers) => ((a.from = '2026-05-01'), (a.to = '2027-06-01'));
    expect(messages(owner, 'uppehall-i-hamtning', long, 'sv')).toEqual(['Uppehållet måste vara minst 3 månader och högst 1 år. Ändra slutdatumet.']);
    expect(messages(owner, 'uppehall-i-hamtning', long, 'en')).toEqual(['The pause must last at least 3 months and at most 1 year. Change the end date.']);
  });

  it('bestall-slamtomning: when a set day is chosen without a date, then the date is required', () => {
    expect(issues(owner, 'bestall-slamtomning', (a) => delete a.day)).toEqual(['/day required']);
    expect(messages(owner, 'bestall-slamtomning', (a) => delete a.day, 'sv')).toEqual([
      'Skriv vilken dag vi ska tömma, eftersom du valt en bestämd dag.',
    ]);
  });

  it('bestall-slamtomning: when another kind is chosen, then no date is needed', () => {
    expect(issues(owner, 'bestall-slamtomning', (a) => ((a.kind = 'within-5-workdays'), delete a.day))).toEqual([]);
    expect(issues(owner, 'bestall-slamtomning', (a) => ((a.kind = 'urgent'), delete a.day))).toEqual([]);
  });

  it('bestall-slamtomning: when the set day is fewer than 5 workdays ahead, then it is refused', () => {
    // Monday 2 March: five workdays ahead is Monday 9 March.
    expect(issues(owner, 'bestall-slamtomning', (a) => (a.day = '2026-03-06'))).toEqual(['/day dateRule']);
    expect(issues(owner, 'bestall-slamtomning', (a) => (a.day = '2026-03-09'))).toEqual([]);
  });

  it('felanmalan: water faults go to the VA queue, street and park faults to the street queue', () => {
    const definition = definitionOf(owner, 'felanmalan');
    const queueOf = (kind: string) => routeSubmission(definition, { ...exampleAnswers(owner, 'felanmalan', NOW), kind });
    expect(['water-leak', 'no-water', 'sewer'].map(queueOf)).toEqual(['va', 'va', 'va']);
    expect(['street-light', 'pothole', 'park', 'other'].map(queueOf)).toEqual(['gata', 'gata', 'gata', 'gata']);
  });

  it('felanmalan: when the reporter is anonymous, then the report is accepted; a bad phone number is not', () => {
    expect(issues(owner, 'felanmalan', (a) => delete a.contact)).toEqual([]);
    expect(issues(owner, 'felanmalan', (a) => (a.contact = { phone: '12' }))).toEqual(['/contact/phone format']);
  });

  it('felanmalan: the urgent notice is a warning block with a phone number, not an answer', () => {
    const definition = definitionOf(owner, 'felanmalan');
    expect((definition.schema.properties as Record<string, unknown>).urgent).toMatchObject({ type: 'null' });
    expect(definition.uiSchema?.urgent).toEqual({ 'ui:field': 'notice', 'ui:options': { kind: 'warning' } });
    expect(definition.texts.urgent?.label.sv).toMatch(/^Akuta vattenläckor: ring 070-174 06 0\d$/);
  });
});

describe('region-jamtland-harjedalen/vattenmatarstallning', () => {
  const reading = (change: (a: Answers) => void) => issues(JAMTLAND, 'vattenmatarstallning', change);

  it('when the reading is a decimal, negative or has seven digits, then it is refused', () => {
    expect(reading((a) => (a.reading = 12.5))).toEqual(['/reading type']);
    expect(reading((a) => (a.reading = -1))).toEqual(['/reading minimum']);
    expect(reading((a) => (a.reading = 1_000_000))).toEqual(['/reading maximum']);
    expect(reading((a) => (a.reading = 999_999))).toEqual([]);
  });

  it('when the reading date is tomorrow or more than 30 days back, then it is refused', () => {
    expect(reading((a) => (a.readingDate = '2026-03-03'))).toEqual(['/readingDate dateRule']);
    expect(reading((a) => (a.readingDate = '2026-01-30'))).toEqual(['/readingDate dateRule']);
    expect(reading((a) => (a.readingDate = '2026-01-31'))).toEqual([]);
  });

  it('when the reading has decimals, then the message asks for whole numbers', () => {
    expect(messages(JAMTLAND, 'vattenmatarstallning', (a) => (a.reading = 12.5), 'sv')).toEqual([
      'Skriv mätarställningen med bara siffror, utan decimaler.',
    ]);
    expect(messages(JAMTLAND, 'vattenmatarstallning', (a) => (a.reading = 12.5), 'en')).toEqual([
      'Enter the reading with digits only, without decimals.',
    ]);
  });
});

describe('esamverkan-vasternorrland/hemkompostering', () => {
  it('when an attestation is not given or the compost is too small, then each is named', () => {
    expect(issues(VASTERNORRLAND, 'hemkompostering', (a) => ((a.pestProof = false), delete a.notifyStop, (a.volume = 20)))).toEqual([
      '/notifyStop required',
      '/pestProof const',
      '/volume minimum',
    ]);
  });

  it('when the compost type is not one of the four, then it is refused', () => {
    expect(issues(VASTERNORRLAND, 'hemkompostering', (a) => (a.compostType = 'heap'))).toEqual(['/compostType enum']);
  });
});

describe('sundsvall/medborgarforslag', () => {
  it('when the postcode is not five digits or the e-mail is missing, then both are named', () => {
    expect(issues('sundsvall', 'medborgarforslag', (a) => ((proposerOf(a).postalCode = '8523'), delete proposerOf(a).email))).toEqual([
      '/proposer/email required',
      '/proposer/postalCode format',
    ]);
  });

  it('when the e-mail is missing, then the message names the field in Swedish and English', () => {
    expect(messages('sundsvall', 'medborgarforslag', (a) => delete proposerOf(a).email, 'sv')).toEqual(['Fyll i ”E-postadress”.']);
    expect(messages('sundsvall', 'medborgarforslag', (a) => delete proposerOf(a).email, 'en')).toEqual(['Enter “Email address”.']);
  });

  it('goes to the ideas queue', () => {
    expect(routeSubmission(definitionOf('sundsvall', 'medborgarforslag'), exampleAnswers('sundsvall', 'medborgarforslag', NOW))).toBe('ideer');
  });
});

describe('all e-services', () => {
  it('ask for personal data with autocomplete tokens', () => {
    const tokens = new Set<string>();
    const walk = (ui: unknown): void => {
      if (typeof ui !== 'object' || ui === null) return;
      for (const [key, value] of Object.entries(ui)) {
        if (key === 'ui:autocomplete' && typeof value === 'string') tokens.add(value);
        else walk(value);
      }
    };
    for (const { definition } of catalogue.services) walk(definition.uiSchema);
    expect([...tokens].sort()).toEqual(['address-level2', 'email', 'name', 'postal-code', 'street-address', 'tel']);
    expect(contactOf(exampleAnswers('ostersund', 'lamna-din-ide', NOW)).email).toBe('tolvan@exempel.se');
  });
});
