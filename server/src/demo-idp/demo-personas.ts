import { PERSONAL_NUMBER_CLAIM, PROTECTED_IDENTITY_CLAIM } from '../auth/e-id-claims.ts';

/** A made-up person the demo IdP can log in as; the claims are what a broker would send. */
export interface DemoPersona {
  /** The OIDC subject. */
  id: string;
  kind: 'citizen' | 'staff';
  /** What the picker shows. */
  label: string;
  description: string;
  claims: { [claim: string]: string | boolean };
}

/**
 * The test personas. Citizens cover what an e-ID broker sends (Skatteverket's test person
 * Tolvan, a samordningsnummer, protected identity, a foreign eID without personnummer); staff
 * stand in for Östersund's own identity provider and match the demo staff accounts by username.
 */
export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    id: 'tolvan',
    kind: 'citizen',
    label: 'Tolvan Tolvansson',
    description: 'Personnummer 19121212-1212',
    claims: { name: 'Tolvan Tolvansson', given_name: 'Tolvan', family_name: 'Tolvansson', [PERSONAL_NUMBER_CLAIM]: '191212121212' },
  },
  {
    id: 'samordning',
    kind: 'citizen',
    label: 'Sam Ordning',
    description: 'Samordningsnummer 19701063-2391',
    claims: { name: 'Sam Ordning', given_name: 'Sam', family_name: 'Ordning', [PERSONAL_NUMBER_CLAIM]: '197010632391' },
  },
  {
    id: 'skyddad',
    kind: 'citizen',
    label: 'Person med skyddade personuppgifter',
    description: 'Personnummer 19820615-1006, skyddad identitet',
    claims: { name: 'Skyddad Person', given_name: 'Skyddad', family_name: 'Person', [PERSONAL_NUMBER_CLAIM]: '198206151006', [PROTECTED_IDENTITY_CLAIM]: true },
  },
  {
    id: 'utlandsk',
    kind: 'citizen',
    label: 'Kari Nordmann',
    description: 'Utländsk e-legitimation (Norge), utan personnummer',
    claims: { name: 'Kari Nordmann', given_name: 'Kari', family_name: 'Nordmann', country: 'NO' },
  },
  {
    id: 'ostersund.handlaggare',
    kind: 'staff',
    label: 'Handläggare, Östersund',
    description: 'Kommunens konto: ostersund.handlaggare',
    claims: { name: 'Handläggare, Östersund', preferred_username: 'ostersund.handlaggare', email: 'handlaggare@ostersund.example', email_verified: true },
  },
  {
    id: 'ostersund.admin',
    kind: 'staff',
    label: 'Administratör, Östersund',
    description: 'Kommunens konto: ostersund.admin',
    claims: { name: 'Administratör, Östersund', preferred_username: 'ostersund.admin', email: 'admin@ostersund.example', email_verified: true },
  },
  {
    id: 'ostersund.okand',
    kind: 'staff',
    label: 'Okänd anställd, Östersund',
    description: 'Kommunens konto utan Samform-konto',
    claims: { name: 'Okänd Anställd', preferred_username: 'ostersund.okand', email: 'okand@ostersund.example', email_verified: true },
  },
  {
    id: 'are.handlaggare',
    kind: 'staff',
    label: 'Handläggare, Åre',
    description: 'Ett konto i en annan kommun',
    claims: { name: 'Handläggare, Åre', preferred_username: 'are.handlaggare', email: 'handlaggare@are.example', email_verified: true },
  },
];
