import type { CitizenCaseStatus, EffectiveService, LocalText, SubmissionError } from '@samform/model';
import type { Answers, Receipt } from '@samform/renderer';
import type { ServiceSummary, TenantSummary } from './api.ts';

/** A form page as the server left it: which page, the draft's answers, and the errors to show. */
export interface FormState {
  page: number | 'review';
  answers: Answers;
  errors: SubmissionError[];
  /** Reached by a change link: Continue returns to the review page. */
  returnToReview: boolean;
}

/** The e-ID part of a form page (issue 6). */
export interface EIdState {
  identification: 'anonymous' | 'optional' | 'e-id';
  /** The logged-in citizen (no name with protected identity), or null. */
  login: { name?: string; protectedIdentity: boolean; idleMinutes?: number } | null;
  /** Starts the login and comes back to this page. */
  loginHref: string;
  /** Where the logout form posts. */
  logoutAction: string;
  /** Logged in with an e-ID without the personnummer this e-service needs (a foreign e-ID). */
  missingPersonnummer: boolean;
}

/** Why a problem page is shown, when the site knows more than the status. */
export type ProblemReason = 'login-failed' | 'bad-return';

/** What every page's state carries: its language and the address it was rendered for. */
interface PageBase {
  locale: 'sv' | 'en';
  /** Path and query the page was rendered for; the browser renders other addresses itself. */
  href: string;
}

/**
 * The data a page is rendered from, on the server and again in the browser for hydration
 * (sent in the page as JSON), so both renders are the same.
 */
export type PageState = PageBase &
  (
    | { page: 'home'; tenants: TenantSummary[] }
    | { page: 'tenant'; tenant: string; tenants: TenantSummary[]; services: ServiceSummary[] }
    | { page: 'accessibility' }
    | { page: 'service'; tenant: { id: string; name: string }; service: EffectiveService; form: FormState; eId?: EIdState }
    | { page: 'receipt'; tenant: { id: string; name: string }; service: EffectiveService; receipt: Receipt; caseStatus?: CitizenCaseStatus }
    | { page: 'status'; tenant: { id: string; name: string }; service: { title: LocalText }; status: CitizenCaseStatus }
    | { page: 'problem'; status: number; reason?: ProblemReason; retryAfterSeconds?: number }
  );

/** The state of a form page. */
export type ServicePageState = Extract<PageState, { page: 'service' }>;
