import { useState } from 'react';
import type { Ref } from 'react';
import { contrastRatio, formatRatio, HEX_COLOUR } from '@samform/model';
import { ApiError, staffApi } from '../staff-api.ts';
import type { PointedError } from '../staff-api.ts';
import { localText } from '../staff-parts.tsx';
import { LocalPairInputs } from './local-pair.tsx';
import type { Pair } from './local-pair.tsx';
import { sharedText } from './shared-text.ts';

/** The theme as the editor holds it: a colour ('' for none) and maybe an uploaded logo. */
export interface ThemeDraft {
  colour: string;
  logo: { sha256: string; alt: Pair } | null;
}

const MIN_CONTRAST = 4.5;

/** Props of {@link ThemeFields}. */
export interface ThemeFieldsProps {
  id: string;
  locale: string;
  tenant: string;
  /** `owner/id`; null before the e-service is adopted (a logo needs the adoption). */
  service: string | null;
  value: ThemeDraft;
  onChange: (value: ThemeDraft) => void;
  /** The server's problems under /overrides/theme. */
  errors: PointedError[];
  colourRef?: Ref<HTMLInputElement>;
}

/**
 * The colour of links and buttons with a live contrast readout against white (both ways must
 * reach 4.5:1, as the server checks), and the logo: uploaded at once, named by its sha256, with
 * alt text in Swedish and English.
 */
export function ThemeFields({ id, locale, tenant, service, value, onChange, errors, colourRef }: ThemeFieldsProps) {
  const t = sharedText(locale);
  const [upload, setUpload] = useState<{ state: 'idle' | 'busy' | 'done' | 'failed'; text: string }>({ state: 'idle', text: '' });
  const colourErrors = errors.filter((e) => e.path.startsWith('/overrides/theme/primaryColor') || e.path === '/overrides/theme');
  const logoErrors = errors.filter((e) => e.path.startsWith('/overrides/theme/logo'));
  const wellFormed = HEX_COLOUR.test(value.colour);
  const ratio = wellFormed ? contrastRatio(value.colour, '#ffffff') : null;
  const readout = value.colour.trim() === '' ? t.themeNoColour : ratio === null ? t.themeColourFormat : t.themeContrast(formatRatio(ratio, locale), ratio >= MIN_CONTRAST);
  const describedBy = [`${id}-colour-hint`, `${id}-contrast`, colourErrors.length > 0 ? `${id}-colour-error` : ''].filter(Boolean).join(' ');

  const send = async (file: File | undefined) => {
    if (file === undefined || service === null) return;
    setUpload({ state: 'busy', text: t.themeLogoUploading });
    try {
      const saved = await staffApi.uploadLogo(tenant, service, file);
      onChange({ ...value, logo: { sha256: saved.sha256, alt: value.logo?.alt ?? { sv: '', en: '' } } });
      setUpload({ state: 'done', text: t.themeLogoUploaded(saved.size) });
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : 0;
      setUpload({ state: 'failed', text: status === 413 ? t.themeLogoTooLarge : status === 415 ? t.themeLogoType : t.themeLogoFailed });
    }
  };

  return (
    <fieldset className="sf-fieldset st-fieldset-block">
      <legend className="sf-legend">{t.themeHeading}</legend>
      <div className={`sf-field${colourErrors.length > 0 ? ' sf-field--error' : ''}`}>
        <label className="sf-label" htmlFor={`${id}-colour`}>
          {t.themeColour}
        </label>
        <p className="sf-hint" id={`${id}-colour-hint`}>
          {t.themeColourHint}
        </p>
        {colourErrors.length > 0 ? (
          <p className="sf-error-message" id={`${id}-colour-error`}>
            {colourErrors.map((e) => localText(e.messages ?? e.message, locale)).join(' ')}
          </p>
        ) : null}
        <div className="st-colour-row">
          <input
            ref={colourRef}
            type="text"
            className="sf-input st-input-colour"
            id={`${id}-colour`}
            value={value.colour}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={colourErrors.length > 0 || undefined}
            onChange={(e) => onChange({ ...value, colour: e.target.value.trim() })}
          />
          <input
            type="color"
            className="st-colour-picker"
            aria-label={t.themeColourPicker}
            value={wellFormed ? value.colour.toLowerCase() : '#005b96'}
            onChange={(e) => onChange({ ...value, colour: e.target.value })}
          />
        </div>
        <p id={`${id}-contrast`} className={ratio !== null && ratio < MIN_CONTRAST ? 'st-error-text' : 'st-muted'} role="status" aria-live="polite">
          {readout}
        </p>
      </div>
      <div className={`sf-field${logoErrors.length > 0 || upload.state === 'failed' ? ' sf-field--error' : ''}`}>
        <label className="sf-label" htmlFor={`${id}-logo`}>
          {t.themeLogo}
        </label>
        <p className="sf-hint" id={`${id}-logo-hint`}>
          {service === null ? t.themeLogoAdoptFirst : t.themeLogoHint}
        </p>
        {logoErrors.length > 0 ? (
          <p className="sf-error-message" id={`${id}-logo-error`}>
            {logoErrors.map((e) => localText(e.messages ?? e.message, locale)).join(' ')}
          </p>
        ) : null}
        <input
          type="file"
          className="sf-file-input"
          id={`${id}-logo`}
          accept="image/png,image/jpeg,image/webp"
          disabled={service === null}
          aria-describedby={[`${id}-logo-hint`, `${id}-logo-status`, logoErrors.length > 0 ? `${id}-logo-error` : ''].filter(Boolean).join(' ')}
          onChange={(e) => void send(e.target.files?.[0])}
        />
        <p id={`${id}-logo-status`} role="status" aria-live="polite" className={upload.state === 'failed' ? 'st-error-text' : 'st-muted'}>
          {upload.text || (value.logo !== null ? t.themeLogoCurrent : '')}
        </p>
        {value.logo !== null ? (
          <>
            <LocalPairInputs
              id={`${id}-alt`}
              labels={{ sv: t.inLanguage(t.themeLogoAlt, 'sv'), en: t.inLanguage(t.themeLogoAlt, 'en') }}
              value={value.logo.alt}
              invalid={logoErrors.length > 0}
              onChange={(alt) => onChange({ ...value, logo: value.logo && { ...value.logo, alt } })}
            />
            <button type="button" className="st-action st-action--danger" onClick={() => onChange({ ...value, logo: null })}>
              {t.themeLogoRemove}
            </button>
          </>
        ) : null}
      </div>
    </fieldset>
  );
}
