import { describe, expect, it } from "vitest";
import {
  daysInclusive,
  localDate,
  offsetLabel,
  offsetMinutes,
  readableDateTime,
  wallClock,
  zonedToUtc,
} from "./time.ts";

describe("time zones", () => {
  it("gives the offset of fixed and DST zones", () => {
    expect(offsetMinutes("Asia/Bangkok", "2020-11-10T07:00:00Z")).toBe(420);
    expect(offsetMinutes("Asia/Kathmandu", "2020-11-10T07:00:00Z")).toBe(345);
    expect(offsetMinutes("Europe/Vienna", "2020-07-01T12:00:00Z")).toBe(120);
    expect(offsetMinutes("Europe/Vienna", "2020-11-10T12:00:00Z")).toBe(60);
    expect(offsetMinutes("America/New_York", "2020-11-10T12:00:00Z")).toBe(-300);
  });

  it("converts wall-clock time to an instant and back, across a DST change", () => {
    const t = zonedToUtc("Asia/Bangkok", { year: 2020, month: 11, day: 10, hour: 14 });
    expect(new Date(t).toISOString()).toBe("2020-11-10T07:00:00.000Z");
    // Vienna left summer time on 25 October 2020 at 03:00 local.
    const before = zonedToUtc("Europe/Vienna", { year: 2020, month: 10, day: 24, hour: 9 });
    const after = zonedToUtc("Europe/Vienna", { year: 2020, month: 10, day: 26, hour: 9 });
    expect(new Date(before).toISOString()).toBe("2020-10-24T07:00:00.000Z");
    expect(new Date(after).toISOString()).toBe("2020-10-26T08:00:00.000Z");
    expect(wallClock("Europe/Vienna", after).hour).toBe(9);
  });

  it("gives local dates that differ from the UTC date", () => {
    expect(localDate("Asia/Bangkok", "2020-11-10T20:00:00Z")).toBe("2020-11-11");
    expect(localDate("America/New_York", "2020-11-10T02:00:00Z")).toBe("2020-11-09");
  });

  it("labels offsets and counts days", () => {
    expect(offsetLabel(420)).toBe("+07:00");
    expect(offsetLabel(-210)).toBe("-03:30");
    expect(daysInclusive("2020-11-10", "2020-11-12")).toBe(3);
  });
});

describe("date ranges", () => {
  it("writes ranges in each language", async () => {
    const { formatDateRange } = await import("./time.ts");
    expect(formatDateRange("en", "2020-11-10", "2020-11-12")).toMatch(/^10\s?–\s?12 November 2020$/u);
    expect(formatDateRange("zh", "2020-11-10", "2020-11-12")).toBe("2020年11月10日至12日");
    expect(formatDateRange("zh", "2020-10-30", "2020-11-02")).toBe("2020年10月30日至11月2日");
    expect(formatDateRange("fr", "2020-11-10", "2020-11-10")).toBe("10 novembre 2020");
  });
});

describe("readableDateTime", () => {
  it("shows a 24-hour clock in all six languages", () => {
    const at = new Date("2020-11-24T15:05:00Z");
    for (const locale of ["ar", "en", "es", "fr", "ru", "zh"]) {
      const text = readableDateTime(locale, {
        timeStyle: "short",
        timeZone: "UTC",
        numberingSystem: "latn",
      }).format(at);
      expect(text, locale).toContain("15:05");
      expect(text, locale).not.toMatch(/AM|PM|a\.\s?m\.|p\.\s?m\.|下午|上午|م$|ص$/i);
    }
  });
});
