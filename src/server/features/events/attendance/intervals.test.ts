import { describe, expect, it } from "vitest";
import { coveredSeconds, mergeIntervals, unionSeconds } from "./intervals.ts";

const s = (seconds: number) => seconds * 1000;
const T0 = Date.parse("2020-11-10T07:00:00Z");
const at = (minutes: number) => T0 + minutes * 60_000;

describe("attendance intervals", () => {
  it("counts overlapping intervals once", () => {
    expect(
      unionSeconds([
        [s(0), s(10)],
        [s(5), s(15)],
      ]),
    ).toBe(15);
    expect(
      mergeIntervals([
        [s(0), s(10)],
        [s(5), s(15)],
      ]),
    ).toEqual([[s(0), s(15)]]);
  });

  it("counts a nested interval once", () => {
    expect(
      unionSeconds([
        [at(0), at(100)],
        [at(10), at(20)],
      ]),
    ).toBe(100 * 60);
    expect(
      mergeIntervals([
        [at(10), at(20)],
        [at(0), at(100)],
      ]),
    ).toEqual([[at(0), at(100)]]);
  });

  it("merges touching intervals (a rejoin at the very second of leaving)", () => {
    expect(
      mergeIntervals([
        [s(0), s(10)],
        [s(10), s(20)],
      ]),
    ).toEqual([[s(0), s(20)]]);
    expect(
      unionSeconds([
        [s(0), s(10)],
        [s(10), s(20)],
      ]),
    ).toBe(20);
  });

  it("keeps a gap between rejoins out of the total", () => {
    // Joined 14:02–14:47, rejoined 14:51–16:05: 45 + 74 minutes.
    const rows: Array<[number, number]> = [
      [at(2), at(47)],
      [at(51), at(125)],
    ];
    expect(unionSeconds(rows)).toBe((45 + 74) * 60);
    expect(mergeIntervals(rows)).toEqual(rows);
  });

  it("sorts unsorted input and merges across the whole list", () => {
    const input: Array<[number, number]> = [
      [s(50), s(60)],
      [s(0), s(5)],
      [s(30), s(40)],
      [s(4), s(8)],
      [s(55), s(70)],
    ];
    expect(mergeIntervals(input)).toEqual([
      [s(0), s(8)],
      [s(30), s(40)],
      [s(50), s(70)],
    ]);
    expect(unionSeconds(input)).toBe(8 + 10 + 20);
    // the input is not modified
    expect(input[0]).toEqual([s(50), s(60)]);
  });

  it("ignores empty, reversed and non-finite intervals", () => {
    expect(
      unionSeconds([
        [s(10), s(10)],
        [s(20), s(5)],
        [Number.NaN, s(5)],
        [s(0), Number.POSITIVE_INFINITY],
      ]),
    ).toBe(0);
    expect(mergeIntervals([])).toEqual([]);
    expect(unionSeconds([])).toBe(0);
  });

  it("keeps sub-second precision", () => {
    expect(unionSeconds([[0, 1500]])).toBe(1.5);
  });

  it("clips to a session window", () => {
    // Session 14:00–16:00 (minutes 0–120); joined early, left, came back and stayed after the end.
    const rows: Array<[number, number]> = [
      [at(-15), at(30)],
      [at(20), at(40)],
      [at(90), at(150)],
    ];
    expect(coveredSeconds(rows, at(0), at(120))).toBe((40 + 30) * 60);
    expect(unionSeconds(rows)).toBe((55 + 60) * 60);
    // an interval wholly outside the window counts nothing
    expect(coveredSeconds([[at(130), at(140)]], at(0), at(120))).toBe(0);
    // an interval covering the whole window counts the window
    expect(coveredSeconds([[at(-60), at(600)]], at(0), at(120))).toBe(120 * 60);
    // an empty or reversed window counts nothing
    expect(coveredSeconds(rows, at(120), at(0))).toBe(0);
  });

  it("agrees with a second-by-second count on random data", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 20; round++) {
      const list: Array<[number, number]> = [];
      for (let i = 0; i < 30; i++) {
        const a = rand(600);
        list.push([s(a), s(a + rand(60))]);
      }
      const covered = new Set<number>();
      for (const [a, b] of list) for (let t = a; t < b; t += 1000) covered.add(t);
      expect(unionSeconds(list)).toBe(covered.size);
      const inWindow = [...covered].filter((t) => t >= s(100) && t < s(400)).length;
      expect(coveredSeconds(list, s(100), s(400))).toBe(inWindow);
      const merged = mergeIntervals(list);
      for (let i = 1; i < merged.length; i++) expect(merged[i][0]).toBeGreaterThan(merged[i - 1][1]);
    }
  });
});
