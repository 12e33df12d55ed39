import { useState } from 'react';
import { ServiceForm } from '@samform/renderer';
import { text } from '@samform/model';
import type { AnswerValidator, FormLinks } from '@samform/renderer';
import { SessionTimeout } from '../../session/session-timeout.tsx';
import { citizenSessionEnd, extendCitizenSession, extendLoggedInSession, loggedInSessionEnd, submitAnswers } from '../api.ts';
import { clientText } from '../client-text.ts';
import { EIdGate, eIdBlocksForm, EIdStatus } from '../e-id-panel.tsx';
import type { ServicePageState } from '../page-state.ts';
import { hrefFor } from '../router.ts';
import { clearIdempotencyKey, idempotencyKey } from '../session-store.ts';
import { saveStep } from '../save-step.ts';
import { useStandaloneValidator } from '../standalone-validator.ts';

export { withTypedAnswers } from '../typed-before-hydration.ts';

/** Props of {@link ServicePage}. */
export interface ServicePageProps {
  state: ServicePageState;
  /** The version's validator, when the caller has it (the server renders with it); otherwise loaded once the page is interactive. */
  validator?: AnswerValidator;
}

/** The addresses of a form's pages, the same for the plain posts and the links. */
export function formLinks(tenant: string, service: string, locale: string): FormLinks {
  const route = { name: 'service', tenant, service } as const;
  return {
    step: (index, returnToReview = false) => hrefFor(route, locale, { step: index, returnToReview }),
    review: hrefFor({ name: 'review', tenant, service }, locale),
    stepAction: (returnToReview) => hrefFor(route, locale, { returnToReview }),
    sendAction: hrefFor({ name: 'review', tenant, service }, locale),
  };
}

// Before the time runs out, the step on screen is saved to the draft as it stands (never the
// review page's form, whose post would send the case).
function saveCurrentStep(): void {
  const form = document.querySelector('form input[name="_step"]')?.closest('form');
  if (form) saveStep(form, true);
}

/**
 * An e-service's form. Rendered by the server from the citizen's draft; in the browser the
 * steps change in the page, each finished step is saved to the same draft, and Send uses the API.
 */
export function ServicePage({ state, validator }: ServicePageProps) {
  const { locale, tenant, service, form } = state;
  const late = useStandaloneValidator(tenant.id, service.id, validator ? undefined : service.version);
  const shown = validator ?? late;
  const links = formLinks(tenant.id, service.id, locale);
  // The time-out dialog's "extended" is said here (the form's own live region is for sending).
  const [sessionNews, setSessionNews] = useState('');
  const { eId } = state;
  if (eId !== undefined && eIdBlocksForm(eId)) {
    return (
      <div className="sf-main-column">
        <EIdGate eId={eId} title={text(service.title, locale)} locale={locale} />
      </div>
    );
  }
  return (
    <div className="sf-main-column">
      {eId === undefined ? null : <EIdStatus eId={eId} locale={locale} />}
      <ServiceForm
        service={service}
        locale={locale}
        {...(shown ? { validator: shown } : {})}
        initialData={form.answers}
        initialPage={form.page}
        initialErrors={form.errors}
        initialReturnToReview={form.returnToReview}
        links={links}
        onSubmit={(data) => submitAnswers(tenant.id, service.id, data, locale, idempotencyKey(tenant.id, service.id, data), service.version)}
        onSent={(receipt) => {
          clearIdempotencyKey(tenant.id, service.id);
          // The server kept the receipt for this browser and renders its page.
          window.location.assign(hrefFor({ name: 'receipt', tenant: tenant.id, service: service.id, reference: receipt.reference }, locale));
        }}
        onPageChange={(page, returnToReview) => {
          // The address follows the page, so a reload shows the same step.
          window.history.replaceState(null, '', page === 'review' ? links.review : links.step(page, returnToReview));
        }}
        onStepDone={saveStep}
        focusHeadingOnMount={form.errors.length > 0}
        titleParts={[tenant.name, clientText(locale).site]}
      />
      {eId?.login ? (
        // Logged in with e-ID: the login's idle time-out is what ends the form first (WCAG 2.2.1).
        <SessionTimeout
          status={loggedInSessionEnd}
          extend={extendLoggedInSession}
          text={clientText(locale).eIdSession}
          onWarn={saveCurrentStep}
          announce={setSessionNews}
          onEndedAction={() => window.location.assign(eId.loginHref)}
        />
      ) : (
        <SessionTimeout status={citizenSessionEnd} extend={extendCitizenSession} text={clientText(locale).session} onWarn={saveCurrentStep} announce={setSessionNews} onEndedAction={() => window.location.reload()} />
      )}
      <div className="sf-visually-hidden" role="status" aria-live="polite">
        {sessionNews}
      </div>
    </div>
  );
}
