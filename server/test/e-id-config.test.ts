import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '@samform/store';
import { ConfigError, readConfig } from '../src/config.ts';
import { startSamform } from '../src/start-samform.ts';
import { LogCapture, tempDir } from './harness.ts';

describe('e-ID and SSO settings', () => {
  it('when the three e-ID settings are given, then they are read; when only some are, then start-up is refused', () => {
    const env = { SAMFORM_EID_ISSUER: 'https://eid.example.se', SAMFORM_EID_CLIENT_ID: 'samform', SAMFORM_EID_CLIENT_SECRET: 's3cret' };
    expect(readConfig(env).citizenEId).toEqual({ issuer: 'https://eid.example.se', clientId: 'samform', clientSecret: 's3cret' });
    expect(() => readConfig({ SAMFORM_EID_ISSUER: 'https://eid.example.se' })).toThrow(/must be set together/);
  });

  it('when SAMFORM_EID_IDLE_MINUTES is set, then an e-ID login lasts that long idle; unset it is 20 minutes; 0 or text is refused', () => {
    expect(readConfig({}).eIdIdleMs).toBe(20 * 60_000);
    expect(readConfig({ SAMFORM_EID_IDLE_MINUTES: '5' }).eIdIdleMs).toBe(5 * 60_000);
    expect(() => readConfig({ SAMFORM_EID_IDLE_MINUTES: '0' })).toThrow(/SAMFORM_EID_IDLE_MINUTES must be a whole number/);
    expect(() => readConfig({ SAMFORM_EID_IDLE_MINUTES: 'tjugo' })).toThrow(ConfigError);
  });

  it('when an issuer is plain http on another host, then start-up is refused; on localhost it is allowed', () => {
    const env = { SAMFORM_EID_CLIENT_ID: 'samform', SAMFORM_EID_CLIENT_SECRET: 's3cret' };
    expect(() => readConfig({ ...env, SAMFORM_EID_ISSUER: 'http://eid.example.se' })).toThrow(ConfigError);
    expect(readConfig({ ...env, SAMFORM_EID_ISSUER: 'http://localhost:4000' }).citizenEId?.issuer).toBe('http://localhost:4000');
  });

  it('when staff SSO names its secret by variable, then the secret is read from it; a missing variable is refused', () => {
    const sso = JSON.stringify({ ostersund: { issuer: 'https://login.ostersund.se', clientId: 'samform', clientSecretEnv: 'OSTERSUND_SSO_SECRET' } });
    expect(readConfig({ SAMFORM_STAFF_SSO: sso, OSTERSUND_SSO_SECRET: 'hemligt' }).staffSso).toEqual({
      ostersund: { issuer: 'https://login.ostersund.se', clientId: 'samform', clientSecret: 'hemligt' },
    });
    expect(() => readConfig({ SAMFORM_STAFF_SSO: sso })).toThrow(/OSTERSUND_SSO_SECRET, which is not set/);
    expect(() => readConfig({ SAMFORM_STAFF_SSO: '{"ostersund": "x"}' })).toThrow(/SAMFORM_STAFF_SSO must be JSON/);
  });

  it('when the server starts in production mode, then no demo IdP is started', async () => {
    const temp = tempDir();
    const store = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
    try {
      const running = await startSamform({ store, mode: 'production', host: '127.0.0.1', logDestination: new LogCapture() });
      expect(running.demoIdpIssuer).toBeUndefined();
      await running.close();
    } finally {
      await store.close();
      temp.cleanup();
    }
  });
});
