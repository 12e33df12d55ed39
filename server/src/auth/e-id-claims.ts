/**
 * The claims Samform reads from an e-ID broker: the Swedish OIDC profile's
 * (https://github.com/oidc-sweden) personal identity number, and a flag for protected identity.
 */

/** A personnummer or samordningsnummer, 12 digits YYYYMMDDNNNC. */
export const PERSONAL_NUMBER_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';

/** True when the person has protected personal data (skyddade personuppgifter). */
export const PROTECTED_IDENTITY_CLAIM = 'https://samform.se/claim/protectedIdentity';

/** The scope that asks for the personal identity number. */
export const PERSONAL_NUMBER_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';

/** The scopes a citizen login asks for. */
export const CITIZEN_SCOPES = `openid profile ${PERSONAL_NUMBER_SCOPE}`;

/** The scopes a staff login asks for. */
export const STAFF_SCOPES = 'openid profile email';
