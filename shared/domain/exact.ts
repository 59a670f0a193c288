// Counts are integers up to 10^12 a row; their sums are kept as BigInt so no
// figure drifts, and shown as JSON numbers while they are safe integers.
export type Exact = number | string;

export function exactJson(n: bigint): Exact {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

/** a ÷ b as a float, or null when b is 0 (a ratio of sums, never of ratios) */
export function ratio(a: bigint, b: bigint): number | null {
  if (b === 0n) return null;
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  // Both exact as doubles: one IEEE division gives the correctly rounded ratio.
  if (a <= safe && b <= safe) return Number(a) / Number(b);
  // Past 2^53, scale down first so the division loses no more than the double's precision.
  const shift = BigInt(Math.max(0, b.toString(2).length - 53));
  return Number(a >> shift) / Number(b >> shift);
}
