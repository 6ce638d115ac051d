import { getLocale } from '@mizug/i18n/runtime';

/** A moment as people in the page's language write it: "12 May 2025, 10:30:15" (to the second: versions kept a minute apart stay apart). */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(iso),
  );
}

/**
 * Names joined the way the page's language joins a list ("Miriam, Salim and Noa"), as parts, so
 * each name can be isolated in its own `<bdi>` while the words between follow the page.
 */
export function listParts(names: readonly string[]) {
  return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).formatToParts(names);
}

/** A duration in minutes and seconds, "0:07", as a recorder's clock shows it. */
export function formatDuration(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
