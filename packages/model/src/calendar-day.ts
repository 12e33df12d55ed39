/** Calendar dates as whole day numbers since 1970-01-01, so date arithmetic ignores clocks. */

const DAY_MS = 86_400_000;

/** The day number of an ISO date `YYYY-MM-DD`, or null when it is not one or does not exist. */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / DAY_MS);
}

/** The ISO date `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

let stockholm: Intl.DateTimeFormat | undefined;

/** The day number of the calendar day in Europe/Stockholm at the instant `now`. */
export function stockholmDay(now: Date): number {
  stockholm ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts: Record<string, string> = {};
  for (const p of stockholm.formatToParts(now)) parts[p.type] = p.value;
  const day = dayNumber(`${parts.year}-${parts.month}-${parts.day}`);
  if (day === null) throw new Error(`Cannot read the Stockholm date of ${now.toISOString()}`);
  return day;
}

/** True for Monday to Friday. Public holidays are not known here and count as workdays. */
export function isWorkday(day: number): boolean {
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** The day `n` workdays after `day` (Monday to Friday; `n = 0` is `day` itself). */
export function addWorkdays(day: number, n: number): number {
  let result = day;
  for (let counted = 0; counted < n; ) {
    result += 1;
    if (isWorkday(result)) counted += 1;
  }
  return result;
}
