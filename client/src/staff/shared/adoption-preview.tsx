import { useEffect, useState } from 'react';
import type { ServiceDefinition } from '@samform/model';
import { ServiceForm } from '@samform/renderer';
import type { SubmitResult } from '@samform/renderer';
import { PreviewLanguageChoice } from '../preview-language-choice.tsx';
import type { PreviewLocale } from '../preview-language-choice.tsx';
import { staffApi } from '../staff-api.ts';
import { Loading } from '../staff-parts.tsx';
import { sharedText } from './shared-text.ts';

/** Props of {@link AdoptionPreview}. */
export interface AdoptionPreviewProps {
  tenant: string;
  serviceId: string;
  locale: string;
  /** Changes when the adoption was saved: the preview loads the effective e-service anew. */
  revision: string;
}

/**
 * The effective e-service (base + the municipality's overrides) exactly as residents get it, in
 * the real renderer, in Swedish or English. Nothing is sent. The renderer draws its own h1.
 */
export function AdoptionPreview({ tenant, serviceId, locale, revision }: AdoptionPreviewProps) {
  const t = sharedText(locale);
  const [definition, setDefinition] = useState<ServiceDefinition | null | undefined>();
  const [previewLocale, setPreviewLocale] = useState<PreviewLocale>(locale === 'en' ? 'en' : 'sv');
  useEffect(() => {
    let current = true;
    setDefinition(undefined);
    staffApi.publicService(tenant, serviceId).then(
      (loaded) => current && setDefinition(loaded),
      () => current && setDefinition(null),
    );
    return () => {
      current = false;
    };
  }, [tenant, serviceId, revision]);
  const notSent = async (): Promise<SubmitResult> => ({ ok: false, errors: [{ path: '', keyword: 'preview', message: sharedText(previewLocale).previewNotSent }] });
  if (definition === undefined) return <Loading locale={locale} />;
  if (definition === null) return <p className="st-error-text">{t.previewFailed}</p>;
  return (
    <>
      <PreviewLanguageChoice legend={t.previewLanguage} value={previewLocale} onChange={setPreviewLocale} />
      <section className="st-preview" aria-label={t.previewRegion(previewLocale === 'en' ? 'English' : 'svenska')} lang={previewLocale}>
        <ServiceForm key={`${previewLocale}-${revision}`} service={definition} locale={previewLocale} onSubmit={notSent} />
      </section>
    </>
  );
}
