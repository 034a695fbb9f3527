export const backoffBaseMs = 1_000;
export const backoffCapMs = 5 * 60_000;

/**
 * The wait before retry number `attempt` (1 for the first retry): `d = min(cap, base·2^attempt)`,
 * then "equal jitter" in [d/2, d). Equal rather than full jitter: full jitter can draw ~0 ms and
 * hammer a flapping network, while d/2 still spreads the tablets of a meeting apart; never below
 * the 1 s base.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const exponent = Number.isNaN(attempt) ? 0 : Math.max(0, Math.floor(attempt));
  const ceiling = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.min(exponent, 30));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.max(backoffBaseMs, Math.floor(ceiling / 2 + (draw * ceiling) / 2));
}
