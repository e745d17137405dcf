/** The five places of a person's supporters list, as choice options named by the people in them (empty ones hidden). */
export const SUPPORTER_PLACES = [1, 2, 3, 4, 5] as const;

export const supporterOptions = () =>
  SUPPORTER_PLACES.map((n) => ({ id: `s${n}`, label: `{@supporter${n}}`, if: { fact: `supporter${n}` as const } }));
