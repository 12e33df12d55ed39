import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

/** A view of the designer. */
export type DesignerTab = 'build' | 'preview' | 'json' | 'publish';

/** The designer's tabs (WAI-ARIA tabs: arrow keys move between them, Tab goes into the panel). */
export function DesignerTabs({ tabs, current, onSelect, label }: { tabs: { id: DesignerTab; label: string }[]; current: DesignerTab; onSelect: (tab: DesignerTab) => void; label: string }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : undefined;
    if (to === undefined) return;
    event.preventDefault();
    const tab = tabs[to];
    if (!tab) return;
    onSelect(tab.id);
    refs.current[to]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="st-tabs">
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`st-tab-${tab.id}`}
          aria-selected={tab.id === current}
          aria-controls={`st-panel-${tab.id}`}
          tabIndex={tab.id === current ? 0 : -1}
          className="st-tab"
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
