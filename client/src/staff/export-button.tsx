import { useState } from 'react';
import { staffApi } from './staff-api.ts';
import { useAnnounce } from './staff-parts.tsx';
import { staffText } from './staff-text.ts';

/** Downloads the e-service's draft as `<id>.json`, the same format as the files in forms/ (importable again). */
export function ExportButton({ tenant, service, title, locale }: { tenant: string; service: string; title: string; locale: string }) {
  const t = staffText(locale);
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { definition } = await staffApi.draft(tenant, service);
      const blob = new Blob([`${JSON.stringify(definition, null, 2)}\n`], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${service}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(t.exported(`${service}.json`));
    } catch {
      announce(t.exportFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="sf-link-button" aria-disabled={busy || undefined} onClick={() => void download()}>
      {t.exportAs(title)}
    </button>
  );
}
