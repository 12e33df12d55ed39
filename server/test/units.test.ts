import { describe, expect, it } from 'vitest';
import { compileService } from '@samform/model';
import type { ServiceDefinition, ServiceVersion } from '@samform/model';
import { hashPassword, verifyPassword } from '../src/auth/password-hash.ts';
import { ConfigError, readConfig } from '../src/config.ts';
import { canonicalJson } from '../src/services/canonical-json.ts';
import { newReference } from '../src/services/new-reference.ts';
import { createValidatorCache } from '../src/services/validator-cache.ts';

const definition: ServiceDefinition = {
  id: 'enkel',
  title: { sv: 'Enkel' },
  schema: { type: 'object', properties: { namn: { type: 'string' } }, required: ['namn'] },
  texts: {},
  routing: { queue: 'ideer' },
};
const version = (n: number): ServiceVersion => ({ owner: 'ostersund', serviceId: 'enkel', version: n, definition, publishedAt: '2026-01-01T00:00:00.000Z' });

describe('validator cache', () => {
  it('when a version is asked for many times, then it is compiled once; a version with another schema compiles once more', () => {
    let compilations = 0;
    const cache = createValidatorCache((d) => {
      compilations++;
      return compileService(d);
    });
    const first = cache.get(version(1));
    for (let i = 0; i < 5; i++) expect(cache.get(version(1))).toBe(first);
    const other: ServiceDefinition = { ...definition, schema: { type: 'object', properties: { namn: { type: 'string' } } } };
    expect(cache.get({ ...version(2), definition: other }).validate({})).toEqual([]);
    expect(compilations).toBe(2);
    expect(cache.size).toBe(2);
    expect(first.validate({})).toEqual([expect.objectContaining({ path: '/namn', keyword: 'required' })]);
  });

  it('when versions of other owners and services have the same schema, then they share one compiled validator and keep their own definitions', () => {
    let compilations = 0;
    const cache = createValidatorCache((d) => {
      compilations++;
      return compileService(d);
    });
    // Key order differs: the schema is compared as canonical JSON.
    const copy: ServiceDefinition = { ...definition, id: 'kopia', title: { sv: 'Kopia' }, schema: { required: ['namn'], properties: { namn: { type: 'string' } }, type: 'object' } };
    const own = cache.get(version(1));
    const adopted = cache.get({ owner: 'jamtland', serviceId: 'kopia', version: 3, definition: copy, publishedAt: '2026-02-01T00:00:00.000Z' });
    expect(compilations).toBe(1);
    expect(cache.size).toBe(2);
    expect(adopted.definition).toBe(copy);
    expect(own.definition).toBe(definition);
    expect(adopted.validate({})).toEqual(own.validate({}));
    expect(adopted.validate({ namn: 'Åsa' })).toEqual([]);
  });
});

describe('readConfig', () => {
  it('when nothing is set, then production on port 3000 with ./data', () => {
    expect(readConfig({})).toMatchObject({ port: 3000, dataDir: './data', mode: 'production', trustProxy: false });
  });

  it('when settings are given, then they are used', () => {
    expect(readConfig({ PORT: '8080', SAMFORM_DATA: '/var/lib/samform', SAMFORM_MODE: 'demo', MONGODB_URI: 'mongodb://db:27017/samform' })).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/samform',
      mode: 'demo',
      mongodbUri: 'mongodb://db:27017/samform',
    });
  });

  it('when settings are malformed, then one ConfigError lists every problem', () => {
    let error: unknown;
    try {
      readConfig({ PORT: '70000', MONGODB_URI: 'postgres://x', SAMFORM_SESSION_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(3);
  });
});

describe('small helpers', () => {
  it('when objects differ only in key order, then their canonical JSON is the same', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe(canonicalJson({ a: 'x', b: [1, { c: 2, d: 1 }] }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });

  it('when references are made, then they are XXXX-XXXX in Crockford base32 and vary', () => {
    const references = new Set(Array.from({ length: 200 }, newReference));
    for (const reference of references) expect(reference).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(references.size).toBe(200);
  });

  it('when a password is hashed, then only that password verifies, and a malformed hash never does', async () => {
    const hash = await hashPassword('demo-ostersund', { N: 1024, r: 8, p: 1 });
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('demo-ostersund', hash)).toBe(true);
    expect(await verifyPassword('demo-krokom', hash)).toBe(false);
    expect(await verifyPassword('demo-ostersund', 'plain')).toBe(false);
  });
});
