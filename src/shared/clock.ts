import { type IsoDate, todayClock } from './dates.ts';

/**
 * The one source of time: the instant, and the calendar day and year in the service's time zone
 * (Asia/Shanghai), which decide what is in effect or expired and how two-digit years read.
 */
export interface Clock {
  now(): Date;
  today(): IsoDate;
  currentYear(): number;
}

/** A clock for a time zone; `now` is replaceable so tests can fix the day. */
export function zonedClock(timeZone: string, now: () => Date = () => new Date()): Clock {
  const today = todayClock(timeZone, now);
  return { now, today, currentYear: () => Number(today().slice(0, 4)) };
}
