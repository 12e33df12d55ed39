import { createHash } from 'node:crypto';
import { AppError, MAX_LOGO_BYTES, NotFoundError } from '@samform/model';
import type { AdoptionTheme, LocalText } from '@samform/model';
import type { AdoptionLogo, LogoType, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { authorizeAdopt } from './adoption-service.ts';
import { canonicalJson } from './canonical-json.ts';
import { sniffContentType } from './sniff-content-type.ts';
import type { ServiceDeps } from './service-deps.ts';

const LOGO_TYPES: readonly LogoType[] = ['image/png', 'image/jpeg', 'image/webp'];

/** What the citizen pages of an adopted e-service add for its theme: a stylesheet and maybe a logo. */
export interface PageTheme {
  stylesheet: string;
  logo?: { src: string; alt: LocalText };
}

/** A logo too large to keep: 413. */
export function logoTooLarge(): AppError {
  return new AppError('logo-too-large', 413, `The logo may be at most ${MAX_LOGO_BYTES / 1024} KB.`);
}

/**
 * Keep an administrator's logo for an adopted e-service. Typed by its bytes: PNG, JPEG or WebP
 * only (SVG can carry script and is refused, 415, as is anything else); at most 200 KB (413).
 * Answers its sha256, which `overrides.theme.logo` then names.
 */
export async function saveAdoptionLogo(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; owner: string; serviceId: string; bytes: Uint8Array },
): Promise<{ sha256: string; type: LogoType; size: number }> {
  const staff = authorizeAdopt(actor, input.tenant);
  if ((await deps.store.getAdoption(input.tenant.id, input.owner, input.serviceId)) === null) {
    throw new NotFoundError('adoption-not-found', `${input.tenant.id} has not adopted ${input.owner.slice(0, 64)}/${input.serviceId.slice(0, 64)}.`);
  }
  if (input.bytes.length === 0) throw new AppError('logo-missing', 400, 'Send the logo as the body (PNG, JPEG or WebP).');
  if (input.bytes.length > MAX_LOGO_BYTES) throw logoTooLarge();
  const sniffed = sniffContentType(input.bytes);
  const type = LOGO_TYPES.find((t) => t === sniffed);
  if (type === undefined) throw new AppError('logo-type', 415, 'The logo must be a PNG, JPEG or WebP image (SVG is not accepted).');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const logo: AdoptionLogo = { type, sha256, bytes: input.bytes };
  await deps.store.putAdoptionLogo(input.tenant.id, input.owner, input.serviceId, logo);
  deps.log.info({ audit: 'adoption-logo-uploaded', tenant: input.tenant.id, owner: input.owner, serviceId: input.serviceId, sha256, by: staff.userId }, 'adoption logo uploaded');
  await deps.audit(input.tenant.id, staff, { kind: 'adoption-logo-uploaded', target: `${input.owner}/${input.serviceId}`, detail: { sha256, type, size: input.bytes.length } });
  return { sha256, type, size: input.bytes.length };
}

/** The hash naming a theme's stylesheet: it changes whenever the theme does. */
export function themeHash(theme: AdoptionTheme): string {
  return createHash('sha256').update(canonicalJson(theme)).digest('hex').slice(0, 16);
}

function channel(hex: string, at: number): string {
  return Math.round(parseInt(hex.slice(at, at + 2), 16) * 0.7).toString(16).padStart(2, '0');
}

/**
 * The stylesheet of a theme: custom properties the citizen CSS already uses. The darker shade
 * (hover, pressed) keeps at least the colour's contrast with white, which was checked.
 */
export function themeStylesheet(theme: AdoptionTheme): string {
  const colour = theme.primaryColor.toLowerCase();
  const dark = `#${channel(colour, 1)}${channel(colour, 3)}${channel(colour, 5)}`;
  return [
    '/* Samform: a municipality\'s theme for one adopted e-service. */',
    `:root { --sf-brand: ${colour}; --sf-brand-dark: ${dark}; }`,
    '.sf-theme-logo { margin: 0; padding: 0.75rem 1rem 0; max-width: 60rem; margin-inline: auto; }',
    '.sf-theme-logo img { display: block; max-height: 4rem; max-width: 100%; height: auto; width: auto; }',
    '',
  ].join('\n');
}

/** The theme an adoption sets, or null (own e-services and adoptions without one). */
export async function adoptionThemeOf(deps: ServiceDeps, tenant: Tenant, owner: string, serviceId: string): Promise<AdoptionTheme | null> {
  if (owner === tenant.id) return null;
  const adoption = await deps.store.getAdoption(tenant.id, owner, serviceId);
  const theme = adoption?.overrides.theme;
  return theme !== undefined && theme !== null && typeof theme === 'object' && !Array.isArray(theme) ? (theme as unknown as AdoptionTheme) : null;
}

/** What a citizen page of this e-service links to for its theme, or undefined when it has none. */
export async function pageTheme(deps: ServiceDeps, tenant: Tenant, owner: string, serviceId: string): Promise<PageTheme | undefined> {
  const theme = await adoptionThemeOf(deps, tenant, owner, serviceId);
  if (theme === null) return undefined;
  const base = `/t/${tenant.id}/e/${serviceId}`;
  return {
    stylesheet: `${base}/tema/${themeHash(theme)}.css`,
    ...(theme.logo === undefined ? {} : { logo: { src: `${base}/logotyp/${theme.logo.sha256}`, alt: theme.logo.alt } }),
  };
}

/** The logo an adoption's theme names, when its bytes are the ones named. */
export async function themeLogo(deps: ServiceDeps, tenant: Tenant, owner: string, serviceId: string, sha256: string): Promise<AdoptionLogo | null> {
  const theme = await adoptionThemeOf(deps, tenant, owner, serviceId);
  if (theme?.logo?.sha256 !== sha256) return null;
  const logo = await deps.store.getAdoptionLogo(tenant.id, owner, serviceId);
  return logo?.sha256 === sha256 ? logo : null;
}
