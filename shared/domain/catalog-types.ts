export const PRINCIPLES = ['SD', 'GC', 'DH', 'DG', 'BT'] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const PERSPECTIVES = ['G', 'I'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export interface CriterionText {
  id: string;
  text: string;
  details: string[];
}

export interface Criterion extends CriterionText {
  principle: Principle;
  perspective: Perspective;
}

export interface Catalog {
  version: string;
  criteria: readonly Criterion[];
}
