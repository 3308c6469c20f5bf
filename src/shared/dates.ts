/** Calendar dates are ISO `YYYY-MM-DD` strings throughout: they compare and sort as text. */
export type IsoDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a time zone (the form is filled in China: Asia/Shanghai). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * `todayIn` as a function of a clock, formatting at most once a second: every lookup asks for
 * today, and Intl formatting costs a few per cent of a lookup.
 */
export function todayClock(timeZone: string, now: () => Date): () => IsoDate {
  let second = Number.NaN;
  let today = '';
  return () => {
    const current = now();
    const thisSecond = Math.floor(current.getTime() / 1000);
    if (thisSecond !== second) {
      second = thisSecond;
      today = todayIn(timeZone, current);
    }
    return today;
  };
}
