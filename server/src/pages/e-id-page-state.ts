import { loginFields, withLoginAnswers } from '@samform/model';
import type { EffectiveService, JsonValue, LoginValues } from '@samform/model';
import type { EIdState } from '@samform/client/ssr';
import type { CitizenLogin } from '../auth/citizen-login.ts';
import { needsPersonnummer } from '../services/e-id-requirement.ts';

const FROM_LOGIN_HELP = {
  sv: 'Hämtat från din e-legitimation. Du kan inte ändra det här.',
  en: 'Taken from your e-ID. You cannot change it here.',
};

/** What the login gives the answers. */
export function loginValues(login: CitizenLogin): LoginValues {
  return login.personnummer === undefined ? {} : { personnummer: login.personnummer };
}

/** The e-ID part of a form page: what to offer or require, and who is logged in. Undefined for an anonymous e-service without a login. */
export function eIdStateOf(service: EffectiveService, login: CitizenLogin | null, tenant: string, returnTo: string): EIdState | undefined {
  const identification = service.identification ?? 'anonymous';
  if (identification === 'anonymous' && login === null) return undefined;
  const back = encodeURIComponent(returnTo);
  return {
    identification,
    login:
      login === null
        ? null
        : { ...(login.name === undefined ? {} : { name: login.name }), protectedIdentity: login.protectedIdentity, ...(login.idleMs === undefined ? {} : { idleMinutes: Math.round(login.idleMs / 60_000) }) },
    loginHref: `/t/${encodeURIComponent(tenant)}/e-id/login?return=${back}`,
    logoutAction: `/e-id/logout?return=${back}`,
    missingPersonnummer: needsPersonnummer(service, login),
  };
}

/**
 * The e-service as this logged-in citizen sees it: each login field read-only, with a hint that
 * it comes from the e-ID, and the answers with the login's values in them.
 */
export function withLockedLoginFields(service: EffectiveService, answers: { [key: string]: JsonValue }, login: CitizenLogin | null): { service: EffectiveService; answers: { [key: string]: JsonValue } } {
  const fields = loginFields(service);
  if (login === null || fields.length === 0) return { service, answers };
  const uiSchema: { [key: string]: unknown } = structuredClone(service.uiSchema ?? {});
  const texts = { ...service.texts };
  for (const { path } of fields) {
    let ui = uiSchema;
    for (const key of path.split('.')) {
      const next = ui[key];
      ui = ui[key] = typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as { [key: string]: unknown }) : {};
    }
    ui['ui:readonly'] = true;
    const own = texts[path];
    texts[path] = { label: own?.label ?? { sv: 'Personnummer', en: 'Personal identity number' }, ...own, help: FROM_LOGIN_HELP };
  }
  return { service: { ...service, uiSchema: uiSchema as EffectiveService['uiSchema'] & object, texts }, answers: withLoginAnswers(service, answers, loginValues(login)) };
}
