import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@samform/model';
import { answersAsText, citizenEmail } from '../src/delivery/answers-as-text.ts';
import { readDeliveryConfig } from '../src/delivery/delivery-config.ts';
import { isPrivateAddress } from '../src/delivery/private-address.ts';
import { MAX_RETRY_DELAY_MS, retryDelay } from '../src/delivery/retry-delay.ts';
import { signWebhook } from '../src/delivery/webhook-payload.ts';

const definition: ServiceDefinition = {
  id: 'ide',
  title: { sv: 'Lämna en idé', en: 'Share an idea' },
  schema: {
    type: 'object',
    properties: {
      info: { type: 'null' },
      title: { type: 'string' },
      area: { type: 'string', enum: ['park', 'gata'] },
      public: { type: 'boolean' },
      helpers: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } } } },
      contact: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } } },
    },
  },
  uiSchema: { 'ui:order': ['contact', 'title', 'area', 'public', 'helpers', 'info'] },
  texts: {
    info: { label: { sv: 'Om idéer' } },
    title: { label: { sv: 'Rubrik', en: 'Title' } },
    area: { label: { sv: 'Område', en: 'Area' }, options: { park: { sv: 'Park', en: 'Park' }, gata: { sv: 'Gata', en: 'Street' } } },
    public: { label: { sv: 'Får visas', en: 'May be shown' } },
    helpers: { label: { sv: 'Medhjälpare', en: 'Helpers' } },
    'helpers.name': { label: { sv: 'Namn', en: 'Name' } },
    contact: { label: { sv: 'Kontakt', en: 'Contact' } },
    'contact.name': { label: { sv: 'Namn', en: 'Name' } },
    'contact.email': { label: { sv: 'E-post', en: 'E-mail' } },
  },
  routing: { queue: 'ideer' },
};

describe('answersAsText', () => {
  it('lays answers out in the order shown, with labels and option texts of the locale, and leaves out notices and blanks', () => {
    const data = { title: 'Fler bänkar\nvid sjön', area: 'gata', public: false, helpers: [{ name: 'Kim' }], contact: { name: 'Åsa', email: '' } };
    expect(answersAsText(definition, data, 'en')).toBe(
      ['Contact:', '  Name: Åsa', 'Title:', '  Fler bänkar', '  vid sjön', 'Area: Street', 'May be shown: No', 'Helpers:', '  1.', '    Name: Kim'].join('\n'),
    );
    expect(answersAsText(definition, { area: 'park', public: true }, 'sv')).toBe('Område: Park\nFår visas: Ja');
  });
});

describe('citizenEmail', () => {
  it('finds the first answered e-mail field in the order shown, skipping repeated groups', () => {
    expect(citizenEmail(definition, { helpers: [{ email: 'kim@example.se' }], contact: { email: 'asa@example.se' } })).toBe('asa@example.se');
    expect(citizenEmail(definition, { helpers: [{ email: 'kim@example.se' }] })).toBeNull();
    expect(citizenEmail(definition, { contact: { email: '' } })).toBeNull();
  });
});

describe('retryDelay', () => {
  it('doubles the ceiling per attempt, draws under it (full jitter), and stops growing at the cap', () => {
    expect(retryDelay(1, 30_000, () => 0.999)).toBe(29_970);
    expect(retryDelay(3, 30_000, () => 0.5)).toBe(60_000);
    expect(retryDelay(2, 30_000, () => 0)).toBe(0);
    expect(retryDelay(40, 30_000, () => 0.5)).toBe(MAX_RETRY_DELAY_MS / 2);
  });

  it('retries for at least 48 hours with the default base before anything is dead-lettered', () => {
    // The window is by time, not by count; with the average draw the attempts in 48 h stay bounded.
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 48 * 3600_000) elapsed += retryDelay(++attempts, 30_000, () => 0.5);
    expect(attempts).toBeGreaterThan(10);
    expect(attempts).toBeLessThan(40);
  });
});

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.0.0.8', '172.16.4.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::5', '::ffff:10.0.0.1', 'not-an-ip'])(
    'refuses %s',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2a00:1450:4001::200e', '::ffff:93.184.215.14'])('allows %s', (address) => expect(isPrivateAddress(address)).toBe(false));
});

describe('signWebhook', () => {
  it('is the hex HMAC-SHA256 of "{timestamp}.{body}" (a known vector)', () => {
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(signWebhook('secret', 1_700_000_000, '{"a":1}')).toBe('sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686');
  });
});

describe('readDeliveryConfig', () => {
  it('reads defaults, and lists every malformed setting', () => {
    expect(readDeliveryConfig({}).config).toMatchObject({ baseDelayMs: 30_000, leaseMs: 60_000, allowPrivateWebhooks: false, workersInServer: true });
    expect(readDeliveryConfig({}).config.smtpUrl).toBeUndefined();
    const bad = readDeliveryConfig({ SAMFORM_DELIVERY_BASE_DELAY_MS: 'soon', SAMFORM_ALLOW_PRIVATE_WEBHOOKS: 'yes', SMTP_URL: 'mail.example', SAMFORM_WORKERS: '2' });
    expect(bad.problems).toHaveLength(4);
    expect(readDeliveryConfig({ SAMFORM_WORKERS: '0', SAMFORM_ALLOW_PRIVATE_WEBHOOKS: '1', SMTP_URL: 'smtp://127.0.0.1:25' }).config).toMatchObject({
      workersInServer: false,
      allowPrivateWebhooks: true,
      smtpUrl: 'smtp://127.0.0.1:25',
    });
  });
});
