/**
 * The time zones offered as buttons (by /schedule and /event), with the IANA zone each stands for. Anywhere else is
 * typed and read by parseTimeZone.
 */
export const ZONE_CHOICES = [
  { id: 'london', label: 'UK and Ireland (London)', zone: 'Europe/London' },
  { id: 'berlin', label: 'Central Europe (Berlin, Paris, Madrid)', zone: 'Europe/Berlin' },
  { id: 'new-york', label: 'US Eastern (New York)', zone: 'America/New_York' },
  { id: 'chicago', label: 'US Central (Chicago)', zone: 'America/Chicago' },
  { id: 'denver', label: 'US Mountain (Denver)', zone: 'America/Denver' },
  { id: 'los-angeles', label: 'US Pacific (Los Angeles)', zone: 'America/Los_Angeles' },
  { id: 'mexico-city', label: 'Mexico City', zone: 'America/Mexico_City' },
  { id: 'sydney', label: 'Australia Eastern (Sydney)', zone: 'Australia/Sydney' },
] as const;

/** The zone a button stands for, by option id. */
export function zoneOfChoice(id: string | undefined): string | undefined {
  return ZONE_CHOICES.find((z) => z.id === id)?.zone;
}

/** The buttons, as a flow's choice options. */
export const zoneOptions = ZONE_CHOICES.map(({ id, label }) => ({ id, label }));
