import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { answersFromForm } from './answers-from-form.ts';
import { compileService } from './compile-service.ts';
import type { JsonValue, ServiceDefinition } from './definition.ts';
import { FORM_LIMITS } from './form-limits.ts';
import { mergeStepAnswers } from './merge-step-answers.ts';
import { ownerChange } from './test-definition.ts';

function form(path: string): ServiceDefinition {
  return JSON.parse(readFileSync(new URL(`../../../forms/${path}`, import.meta.url), 'utf8')) as ServiceDefinition;
}

function fieldsOf(definition: ServiceDefinition, stepId?: string): string[] {
  if (stepId === undefined) return Object.keys(definition.schema.properties as object);
  const step = definition.steps?.find((s) => s.id === stepId);
  if (step === undefined) throw new Error(`no step ${stepId}`);
  return step.fields;
}

const now = new Date('2026-05-08T10:00:00Z');

describe('Östersund, lämna din idé', () => {
  const idea = form('ostersund/lamna-din-ide.json');
  const compiled = compileService(idea);
  const posts: Record<string, string> = {
    idea: '_csrf=abc&_step=idea&title=++Ny+lekplats+i+Odenskog+&need=Barnen+saknar%0D%0Aen+lekplats.%0D%0A&proposal=Bygg+en+lekplats.',
    about: '_step=about&beneficiaries=citizens&beneficiaries=staff&area=culture-leisure&submitterKind=citizen&_action=next',
    contact: '_step=contact&contact.name=Anna+Andersson&contact.email=+anna%40exempel.se+&contact.phone=&publicRecord=true',
  };

  test('when every step is posted right, then the merged answers are typed and valid', () => {
    let draft: { [key: string]: JsonValue } = {};
    for (const [stepId, body] of Object.entries(posts)) {
      const fields = fieldsOf(idea, stepId);
      const { answers, problems } = answersFromForm(idea, fields, new URLSearchParams(body));
      expect(problems).toEqual([]);
      draft = mergeStepAnswers(draft, fields, answers);
    }
    expect(draft).toEqual({
      title: 'Ny lekplats i Odenskog',
      need: 'Barnen saknar\nen lekplats.',
      proposal: 'Bygg en lekplats.',
      beneficiaries: ['citizens', 'staff'],
      area: 'culture-leisure',
      submitterKind: 'citizen',
      contact: { name: 'Anna Andersson', email: 'anna@exempel.se' },
      publicRecord: true,
    });
    expect(compiled.validate(draft, { now })).toEqual([]);
  });

  test('when a parsed body is posted, then one ticked box is still an array', () => {
    const { answers } = answersFromForm(idea, fieldsOf(idea, 'about'), { beneficiaries: 'companies', area: ['digital'], _action: 'next' });
    expect(answers).toEqual({ beneficiaries: ['companies'], area: 'digital' });
  });

  test('when fields of another step or unknown names are posted, then they are not read', () => {
    const body = 'title=Smuggled&beneficiaries=staff&beneficiaries.x=citizens&area.x=1&colour=red&submitterKind=employee&publicRecord=true';
    const { answers } = answersFromForm(idea, fieldsOf(idea, 'about'), new URLSearchParams(body));
    expect(answers).toEqual({ beneficiaries: ['staff'], submitterKind: 'employee' });
  });

  test('when a name would write __proto__, constructor or prototype, then it is ignored', () => {
    const body = '__proto__.polluted=yes&contact.__proto__.polluted=yes&contact.constructor.prototype.polluted=yes&contact.name=Anna';
    const { answers } = answersFromForm(idea, ['__proto__', 'constructor', 'contact'], new URLSearchParams(body));
    expect(answers).toEqual({ contact: { name: 'Anna' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(answers.contact)).toBe(Object.prototype);
  });

  test('when the contact step is left blank and the box unticked, then required is reported for the consent', () => {
    const body = 'contact.name=+&contact.email=&contact.phone=';
    const { answers } = answersFromForm(idea, fieldsOf(idea, 'contact'), new URLSearchParams(body));
    expect(answers).toEqual({});
    const issues = compiled.validate({ title: 'Ny lekplats', need: 'x', proposal: 'y', beneficiaries: ['staff'], area: 'care', submitterKind: 'citizen', ...answers }, { now });
    expect(issues).toEqual([{ path: '/publicRecord', keyword: 'required', params: { missingProperty: 'publicRecord' } }]);
  });

  test('when a revisit unticks every box, then the merge removes the earlier choice', () => {
    const fields = fieldsOf(idea, 'about');
    const { answers } = answersFromForm(idea, fields, new URLSearchParams('area=care&submitterKind=company'));
    const draft = mergeStepAnswers({ title: 'T', beneficiaries: ['citizens'] }, fields, answers);
    expect(draft).toEqual({ title: 'T', area: 'care', submitterKind: 'company' });
    expect(compiled.validate(draft, { now })).toContainEqual({ path: '/beneficiaries', keyword: 'required', params: { missingProperty: 'beneficiaries' } });
  });
});

describe('beställ slamtömning', () => {
  const sludge = form('region-jamtland-harjedalen/bestall-slamtomning.json');
  const compiled = compileService(sludge);
  const base = 'customerNumber=123456&facilityNumber=98765&ordinaryRound=false&access=Grinden+%C3%A4r+l%C3%A5st.%0D%0AKoden+%C3%A4r+1234.&contact.name=Per+Persson&contact.phone=070-123+45+67';

  test('when a set day is chosen and given, then the conditional day and the no are read and valid', () => {
    const { answers } = answersFromForm(sludge, fieldsOf(sludge), new URLSearchParams(`${base}&kind=set-day&day=2026-05-20`));
    expect(answers).toEqual({
      customerNumber: '123456',
      facilityNumber: '98765',
      kind: 'set-day',
      day: '2026-05-20',
      ordinaryRound: false,
      access: 'Grinden är låst.\nKoden är 1234.',
      contact: { name: 'Per Persson', phone: '070-123 45 67' },
    });
    expect(compiled.validate(answers, { now })).toEqual([]);
  });

  test('when a set day is chosen but left blank, then required points at the day', () => {
    const { answers } = answersFromForm(sludge, fieldsOf(sludge), new URLSearchParams(`${base}&kind=set-day&day=`));
    expect(answers).not.toHaveProperty('day');
    expect(compiled.validate(answers, { now })).toEqual([{ path: '/day', keyword: 'required', params: { missingProperty: 'day' } }]);
  });

  test('when yes is chosen, then the boolean enum is true', () => {
    const { answers } = answersFromForm(sludge, ['kind', 'ordinaryRound'], new URLSearchParams('kind=urgent&ordinaryRound=true'));
    expect(answers).toEqual({ kind: 'urgent', ordinaryRound: true });
  });
});

describe('ändra avfallsabonnemang', () => {
  const waste = form('region-jamtland-harjedalen/andra-avfallsabonnemang.json');
  const compiled = compileService(waste);
  const contactStep = 'contact.name=Eva+Ek&contact.email=eva%40exempel.se&invoiceRecipient=true';

  test('when the radios are posted, then the integer enums are numbers and the notice is not read', () => {
    const subscription = answersFromForm(
      waste,
      fieldsOf(waste, 'subscription'),
      new URLSearchParams('customerNumber=40021&property=Sundsvall+Skönsberg+1:5&binSize=190&foodBin=140&interval=4&fee=1'),
    ).answers;
    expect(subscription).toEqual({ customerNumber: '40021', property: 'Sundsvall Skönsberg 1:5', binSize: 190, foodBin: 140, interval: 4 });
    const contact = answersFromForm(waste, fieldsOf(waste, 'contact'), new URLSearchParams(contactStep)).answers;
    expect(compiled.validate({ ...subscription, ...contact }, { now })).toEqual([]);
  });

  test('when a forged size is posted, then the validator reports it at the field', () => {
    const body = 'customerNumber=40021&property=Sundsvall+Skönsberg+1:5&binSize=12,5x&foodBin=150&interval=4';
    const { answers } = answersFromForm(waste, fieldsOf(waste, 'subscription'), new URLSearchParams(body));
    expect(answers).toMatchObject({ binSize: '12,5x', foodBin: 150 });
    const contact = answersFromForm(waste, fieldsOf(waste, 'contact'), new URLSearchParams(contactStep)).answers;
    const issues = compiled.validate({ ...answers, ...contact }, { now });
    expect(issues.map((i) => `${i.path} ${i.keyword}`)).toEqual(['/binSize type', '/binSize enum', '/foodBin enum']);
  });
});

describe('vattenmätarställning', () => {
  const meter = form('region-jamtland-harjedalen/vattenmatarstallning.json');
  const compiled = compileService(meter);
  const post = (reading: string) =>
    answersFromForm(meter, fieldsOf(meter), new URLSearchParams({ customerNumber: '40021', meterNumber: 'AB1234', reading, readingDate: '2026-05-07' })).answers;

  test('when the reading has a space between thousands, then it is a whole number and valid', () => {
    expect(post('12 345').reading).toBe(12345);
    expect(compiled.validate(post('12 345'), { now })).toEqual([]);
  });

  test.each([
    ['12,5x', 'type'],
    ['12,5', 'type'],
    ['', 'required'],
  ])('when the reading is %j, then %s is reported at /reading', (reading, keyword) => {
    expect(compiled.validate(post(reading), { now }).map((i) => `${i.path} ${i.keyword}`)).toEqual([`/reading ${keyword}`]);
  });
});

describe('uppehåll i hämtning', () => {
  const pause = form('region-jamtland-harjedalen/uppehall-i-hamtning.json');
  const compiled = compileService(pause);
  const post = (from: string, to: string) =>
    answersFromForm(
      pause,
      fieldsOf(pause),
      new URLSearchParams({ rules: '', personnummer: '19121212-1212', property: 'Krokom Ås 1:23', role: 'leaseholder', from, to, 'contact.email': 'ola@exempel.se', 'contact.phone': '' }),
    ).answers;

  test('when the period is long enough and ahead, then the dates are read and valid', () => {
    const answers = post('2026-07-01', '2026-10-31');
    expect(answers).toEqual({ personnummer: '19121212-1212', property: 'Krokom Ås 1:23', role: 'leaseholder', from: '2026-07-01', to: '2026-10-31', contact: { email: 'ola@exempel.se' } });
    expect(compiled.validate(answers, { now })).toEqual([]);
  });

  test('when the end is before the start and the end blank, then the range and required point at the fields', () => {
    expect(compiled.validate(post('2026-07-01', '2026-06-01'), { now }).map((i) => `${i.path} ${i.keyword}`)).toEqual(['/to dateRange']);
    expect(compiled.validate(post('2026-07-01', ' '), { now }).map((i) => `${i.path} ${i.keyword}`)).toEqual(['/to required']);
  });
});

describe('arrays of objects (ägarbyte)', () => {
  const compiled = compileService(ownerChange);

  test('when buyers are posted by index with an empty row, then order is kept and the empty row dropped', () => {
    const body = [
      'urgent=x&property=Östersund+Arvesgården+4:12&transfer=2026-05-22&kind=house&bins=140&persons=3',
      'buyers.2.pnr=19121212-1212&buyers.2.name=Bo+Berg&buyers.1.name=+&buyers.1.pnr=&buyers.0.name=Anna+Andersson&buyers.0.pnr=19121212-1212',
      'contact.email=anna%40exempel.se&period.from=2026-06-01&period.to=2026-09-01&consent=on',
    ].join('&');
    const fields = ownerChange.steps?.flatMap((s) => s.fields) ?? [];
    const { answers } = answersFromForm(ownerChange, fields, new URLSearchParams(body));
    expect(answers).toEqual({
      property: 'Östersund Arvesgården 4:12',
      transfer: '2026-05-22',
      kind: 'house',
      bins: ['140'],
      persons: 3,
      buyers: [
        { name: 'Anna Andersson', pnr: '19121212-1212' },
        { name: 'Bo Berg', pnr: '19121212-1212' },
      ],
      contact: { email: 'anna@exempel.se' },
      period: { from: '2026-06-01', to: '2026-09-01' },
      consent: true,
    });
    expect(compiled.validate(answers, { now })).toEqual([]);
  });

  test('when every buyer row is blank, then buyers is absent and required', () => {
    const { answers } = answersFromForm(ownerChange, ['buyers'], new URLSearchParams('buyers.0.name=&buyers.0.pnr=&buyers.01.name=X'));
    expect(answers).toEqual({});
    expect(compiled.validate(answers, { now })).toContainEqual({ path: '/buyers', keyword: 'required', params: { missingProperty: 'buyers' } });
  });
});

describe('limits', () => {
  const idea = form('ostersund/lamna-din-ide.json');

  test('when more entries than the limit are posted, then the rest is not read and one problem is reported', () => {
    const entries: [string, string][] = Array.from({ length: FORM_LIMITS.entries }, (_, i) => [`_pad${i}`, 'x']);
    entries.push(['title', 'Too late']);
    const { answers, problems } = answersFromForm(idea, ['title'], entries);
    expect(answers).toEqual({});
    expect(problems).toEqual([{ path: '', keyword: 'limit', params: { limit: FORM_LIMITS.entries, of: 'entries' } }]);
  });

  test('when an array gets more items than the limit, then the first ones are read and a problem points at it', () => {
    const entries = Array.from({ length: FORM_LIMITS.items + 5 }, (): [string, string] => ['beneficiaries', 'staff']);
    const { answers, problems } = answersFromForm(idea, ['beneficiaries'], entries);
    expect(answers.beneficiaries).toHaveLength(FORM_LIMITS.items);
    expect(problems).toEqual([{ path: '/beneficiaries', keyword: 'limit', params: { limit: FORM_LIMITS.items, of: 'items' } }]);
  });

  test('when a value is longer than the limit, then it is not read and a problem points at its field', () => {
    const long = 'a'.repeat(FORM_LIMITS.characters + 1);
    const { answers, problems } = answersFromForm(idea, ['need', 'contact'], [['need', long], ['contact.name', long], ['contact.email', 'a@b.se']]);
    expect(answers).toEqual({ contact: { email: 'a@b.se' } });
    expect(problems.map((p) => p.path)).toEqual(['/need', '/contact/name']);
  });
});
