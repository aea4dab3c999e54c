/** A calendar month between two days: its key (YYYY-MM) and its first and last days. */
export interface CalendarMonth {
  month: string;
  from: string;
  to: string;
}

/**
 * The calendar months from the one `first` lies in to the one `last` lies in (both
 * YYYY-MM-DD), oldest first; none when `last` comes before `first`. Pure date arithmetic,
 * so the months are the commission's whatever the server's time zone.
 */
export function monthsBetween(first: string, last: string): CalendarMonth[] {
  const out: CalendarMonth[] = [];
  const cursor = new Date(`${first.slice(0, 7)}-01T00:00:00Z`);
  const end = last.slice(0, 7);
  while (cursor.toISOString().slice(0, 7) <= end) {
    const from = cursor.toISOString().slice(0, 10);
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    const to = new Date(cursor.getTime() - 86_400_000).toISOString().slice(0, 10);
    out.push({ month: from.slice(0, 7), from, to });
  }
  return out;
}
