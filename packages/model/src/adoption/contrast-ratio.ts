/** A colour written `#rrggbb`, the one form a theme colour may take. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function channel(hex: string, at: number): number {
  const value = parseInt(hex.slice(at, at + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of a `#rrggbb` colour, as WCAG 2.1 defines it. */
export function relativeLuminance(hex: string): number {
  if (!HEX_COLOUR.test(hex)) throw new TypeError(`Not a #rrggbb colour: ${hex}`);
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** The WCAG 2.1 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A ratio as people read it: rounded down to two decimals, so 4.499 never shows as 4.5. */
export function formatRatio(ratio: number, locale: string): string {
  const floored = Math.floor(ratio * 100) / 100;
  return floored.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
