import { staffText } from '../staff-text.ts';
import { NumberSetting } from './setting-inputs.tsx';

// The file types Samform recognises from a file's content (never from its name).
const TYPES: { mime: string; name: string }[] = [
  { mime: 'application/pdf', name: 'PDF' },
  { mime: 'image/jpeg', name: 'JPEG' },
  { mime: 'image/png', name: 'PNG' },
];

const MB = 1024 * 1024;

/** An attachment's accepted types, largest file (MB) and number of files. */
export function AttachmentEditor({ accept, maxBytes, maxFiles, onChange, locale }: { accept: string[]; maxBytes: number; maxFiles: number; onChange: (next: { accept: string[]; maxBytes: number; maxFiles: number }, group?: string) => void; locale: string }) {
  const t = staffText(locale);
  const known = [...TYPES, ...accept.filter((mime) => !TYPES.some((type) => type.mime === mime)).map((mime) => ({ mime, name: mime }))];
  return (
    <>
      <fieldset className="sf-fieldset st-setting">
        <legend className="st-label">{t.attachmentTypes}</legend>
        <div className="sf-choices">
          {known.map((type) => {
            const on = accept.includes(type.mime);
            return (
              <label key={type.mime} className="sf-choice">
                <input
                  type="checkbox"
                  className="sf-choice-input"
                  checked={on}
                  onChange={() => {
                    const next = on ? accept.filter((mime) => mime !== type.mime) : [...accept, type.mime];
                    if (next.length > 0) onChange({ accept: next, maxBytes, maxFiles });
                  }}
                />
                <span className="sf-choice-label">{type.name}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="st-pair">
        <NumberSetting label={t.attachmentMaxMb} value={Math.round((maxBytes / MB) * 10) / 10} min={0.1} onChange={(mb) => mb && onChange({ accept, maxBytes: Math.round(mb * MB), maxFiles }, 'attachment-size')} />
        <NumberSetting label={t.attachmentMaxFiles} value={maxFiles} min={1} onChange={(n) => n && onChange({ accept, maxBytes, maxFiles: Math.floor(n) }, 'attachment-count')} />
      </div>
    </>
  );
}
