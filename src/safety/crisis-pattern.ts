/** What one crisis pattern is (see the flags in patterns.ts), and how patterns.ts and situations.ts build one. */
export type CrisisCategory = 'suicide' | 'self-harm' | 'overdose' | 'danger';

export interface CrisisPattern {
  readonly id: string;
  readonly category: CrisisCategory;
  readonly re: RegExp;
  readonly weight: 1 | 0.5;
  readonly flags: string;
}

export const crisisPattern = (id: string, category: CrisisCategory, weight: 1 | 0.5, flags: string, source: string): CrisisPattern => ({
  id,
  category,
  weight,
  flags,
  re: new RegExp(source, 'g'),
});
