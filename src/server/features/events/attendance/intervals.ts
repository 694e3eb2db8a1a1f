/**
 * Arithmetic on attendance intervals: half-open [start, end) pairs in epoch milliseconds.
 * Rejoins are merged, overlaps (two devices, duplicated rows) are counted once. Empty, reversed or
 * non-finite intervals are ignored. Everything is O(n log n) (one sort, one sweep).
 */

type Interval = readonly [number, number];

/** The merged, sorted, non-overlapping intervals. Touching intervals ([a, b) and [b, c)) become one. */
export function mergeIntervals(intervals: ReadonlyArray<Interval>): Array<[number, number]> {
  const valid: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) valid.push([start, end]);
  }
  valid.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of valid) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) {
      if (end > last[1]) last[1] = end;
    } else {
      out.push([start, end]);
    }
  }
  return out;
}

/** Total seconds covered by the union of [start, end) intervals given in epoch ms; rejoins merged, overlaps counted once. */
export function unionSeconds(intervals: ReadonlyArray<Interval>): number {
  let ms = 0;
  for (const [start, end] of mergeIntervals(intervals)) ms += end - start;
  return ms / 1000;
}

/** Seconds of the union that fall inside [windowStart, windowEnd) (attendance within a session's time). */
export function coveredSeconds(
  intervals: ReadonlyArray<Interval>,
  windowStart: number,
  windowEnd: number,
): number {
  if (!(windowEnd > windowStart)) return 0;
  const clipped: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    const s = Math.max(start, windowStart);
    const e = Math.min(end, windowEnd);
    if (e > s) clipped.push([s, e]);
  }
  return unionSeconds(clipped);
}
