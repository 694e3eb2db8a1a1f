import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { durationSeconds, type ParsedReport, type ParseOptions, parseAttendanceReport } from "./parse.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name));

function failure(bytes: Buffer, opts: ParseOptions): AppError {
  try {
    parseAttendanceReport(bytes, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("expected the file to be refused");
}

/** Row summary used by several tests: name, join and leave (UTC) with the line. */
const brief = (r: ParsedReport) => r.rows.map((x) => [x.line, x.name, x.joinedAt, x.leftAt]);

const utf16le = (text: string, bom = true) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, "utf16le")]);
const decode16 = (bytes: Buffer) => bytes.subarray(2).toString("utf16le");

describe("Zoom participants report", () => {
  const bangkok = { timeZone: "Asia/Bangkok" };

  it("reads the export with its meeting block, UTF-8 BOM, quoted names and a rejoin", () => {
    const bytes = fixture("zoom-participants-bom.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = parseAttendanceReport(bytes, bangkok);
    expect(r.source).toBe("zoom");
    expect(r.columns).toEqual([
      "Name (Original Name)",
      "User Email",
      "Join Time",
      "Leave Time",
      "Duration (Minutes)",
      "Guest",
      "Recording Consent",
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(7);
    // "11/10/2020 02:02:11 PM" in Bangkok (UTC+7), quoted because of the comma.
    expect(r.rows[1]).toEqual({
      line: 6,
      name: "Nguyen, Thi Lan",
      email: "lan.nguyen@moj.gov.vn",
      joinedAt: "2020-11-10T07:02:11.000Z",
      leftAt: "2020-11-10T08:01:40.000Z",
    });
    // Renamed participant: the original name in brackets is used; two rows for the rejoin.
    const somchai = r.rows.filter((x) => x.email === "somchai.p@ago.go.th");
    expect(somchai.map((x) => [x.line, x.name, x.joinedAt, x.leftAt])).toEqual([
      [7, "Somchai Prasertsuk", "2020-11-10T07:03:15.000Z", "2020-11-10T07:47:09.000Z"],
      [8, "Somchai Prasertsuk", "2020-11-10T07:51:30.000Z", "2020-11-10T09:05:48.000Z"],
    ]);
    expect(r.rows[0].name).toBe("UNODC Secretariat Training");
    expect(r.rows.map((x) => x.name)).toContain("José Álvarez Peña");
    const minh = r.rows.find((x) => x.name === "Đặng Văn Minh");
    expect(minh).toMatchObject({ line: 10, email: null, joinedAt: "2020-11-10T07:10:27.000Z" });
    expect(r.rows[6]).toMatchObject({ name: "+66 81 234 5678", email: null });
  });

  it("reports unreadable rows by line and still returns the others (day-first dates inferred)", () => {
    const r = parseAttendanceReport(fixture("zoom-dmy-bad-rows.csv"), { timeZone: "Africa/Nairobi" });
    expect(r.source).toBe("zoom");
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 5]);
    expect(r.rows[0]).toEqual({
      line: 2,
      name: "Amina Yusuf",
      email: "amina.yusuf@odpp.go.ke",
      joinedAt: "2020-11-13T06:01:00.000Z",
      leftAt: "2020-11-13T09:02:30.000Z",
    });
    expect(r.rows[1].email).toBe("p.otieno@odpp.go.ke");
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0].line).toBe(4);
    expect(r.errors[0].message).toContain("########");
    expect(r.errors[1].line).toBe(6);
    expect(r.errors[1].message).toMatch(/before the join time/);
  });

  it("honours an explicit date order even when the data says otherwise", () => {
    const r = parseAttendanceReport(fixture("zoom-dmy-bad-rows.csv"), {
      timeZone: "Africa/Nairobi",
      dateOrder: "mdy",
    });
    // There is no month 13: every row is an error, none is silently misread.
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it("converts wall-clock times across the October DST change in Vienna", () => {
    const r = parseAttendanceReport(fixture("zoom-vienna-dst.csv"), { timeZone: "Europe/Vienna" });
    expect(brief(r)).toEqual([
      // Saturday: summer time, UTC+2
      [2, "Eva Huber", "2020-10-24T07:00:00.000Z", "2020-10-24T08:00:00.000Z"],
      // 01:30 CEST to 03:30 CET: two hours on the clock, three real hours
      [3, "Lukas Gruber", "2020-10-24T23:30:00.000Z", "2020-10-25T02:30:00.000Z"],
      // 02:30 happens twice that night: the earlier (summer time) instant is taken
      [4, "Anna Berger", "2020-10-25T00:30:00.000Z", "2020-10-25T00:45:00.000Z"],
      // Monday: winter time, UTC+1
      [5, "Eva Huber", "2020-10-26T08:00:00.000Z", "2020-10-26T09:00:00.000Z"],
    ]);
    const lukas = r.rows[1];
    expect((Date.parse(lukas.leftAt) - Date.parse(lukas.joinedAt)) / 60_000).toBe(180);
  });

  it("infers month-first and day-first order from the data, defaulting to month-first", () => {
    const csv = (a: string, b: string) =>
      Buffer.from(
        [
          "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)",
          `Ana,ana@example.org,${a} 09:00:00,${a} 10:00:00,60`,
          `Ben,ben@example.org,${b} 09:30:00,${b} 10:00:00,30`,
        ].join("\n"),
      );
    const utc = { timeZone: "UTC" };
    // second number above 12 → month-first
    expect(parseAttendanceReport(csv("05/06/2021", "05/13/2021"), utc).rows[0].joinedAt).toBe(
      "2021-05-06T09:00:00.000Z",
    );
    // first number above 12 → day-first
    expect(parseAttendanceReport(csv("05/06/2021", "13/05/2021"), utc).rows[0].joinedAt).toBe(
      "2021-06-05T09:00:00.000Z",
    );
    // nothing to tell: Zoom is month-first, unless the caller says otherwise
    expect(parseAttendanceReport(csv("05/06/2021", "07/08/2021"), utc).rows[0].joinedAt).toBe(
      "2021-05-06T09:00:00.000Z",
    );
    expect(
      parseAttendanceReport(csv("05/06/2021", "07/08/2021"), { ...utc, dateOrder: "dmy" }).rows[0].joinedAt,
    ).toBe("2021-06-05T09:00:00.000Z");
    // two-digit years and ISO dates
    expect(parseAttendanceReport(csv("05/06/21", "05/13/21"), utc).rows[1].joinedAt).toBe(
      "2021-05-13T09:30:00.000Z",
    );
    expect(parseAttendanceReport(csv("2021-05-06", "2021-05-13"), utc).rows[0].leftAt).toBe(
      "2021-05-06T10:00:00.000Z",
    );
    expect(
      parseAttendanceReport(csv("21/05/06", "21/05/13"), { ...utc, dateOrder: "ymd" }).rows[1].joinedAt,
    ).toBe("2021-05-13T09:30:00.000Z");
  });

  it("keeps reading after a row without any digit", () => {
    const r = parseAttendanceReport(
      Buffer.from(
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n" +
          "Ana,,11/10/2020 02:00:00 PM,11/10/2020 03:00:00 PM,60,No\n" +
          "Grace Wanjiru,,########,########,,Yes\n" +
          "Ben,,11/10/2020 02:10:00 PM,11/10/2020 03:00:00 PM,50,No\n",
      ),
      { timeZone: "UTC" },
    );
    expect(r.rows.map((x) => x.name)).toEqual(["Ana", "Ben"]);
    expect(r.errors.map((e) => e.line)).toEqual([3]);
  });

  it("reads 12 AM and 12 PM correctly", () => {
    const r = parseAttendanceReport(
      Buffer.from(
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n" +
          "Ana,,11/10/2020 12:05:00 AM,11/10/2020 12:10:00 PM,725\n",
      ),
      { timeZone: "UTC" },
    );
    expect(brief(r)).toEqual([[2, "Ana", "2020-11-10T00:05:00.000Z", "2020-11-10T12:10:00.000Z"]]);
  });

  it("keeps brackets that are not an original name", () => {
    const r = parseAttendanceReport(
      Buffer.from(
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n" +
          "Sam Lee (Host),,11/10/2020 02:00:00 PM,11/10/2020 03:00:00 PM,60\n" +
          "Alex Kim (they/them),,11/10/2020 02:00:00 PM,11/10/2020 03:00:00 PM,60\n" +
          '"Lan (Nguyen, Thi Lan)",,11/10/2020 02:00:00 PM,11/10/2020 03:00:00 PM,60\n',
      ),
      { timeZone: "UTC" },
    );
    expect(r.rows.map((x) => x.name)).toEqual(["Sam Lee (Host)", "Alex Kim (they/them)", "Nguyen, Thi Lan"]);
  });

  it("reads Excel's Windows-1252 re-save of a report", () => {
    const text =
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\r\n" +
      "José Muñoz,jmunoz@example.org,11/10/2020 02:00:00 PM,11/10/2020 03:00:00 PM,60\r\n";
    const r = parseAttendanceReport(Buffer.from(text, "latin1"), { timeZone: "UTC" });
    expect(r.rows[0].name).toBe("José Muñoz");
  });

  it("refuses the 'unique users' view, which has no join and leave times, with a hint", () => {
    const bytes = Buffer.from(
      "Name (Original Name),User Email,Total Duration (Minutes),Guest\nAna,ana@example.org,60,No\n",
    );
    const err = failure(bytes, { timeZone: "UTC" });
    expect(err.code).toBe("attendance_not_a_report");
    expect(err.message).toMatch(/unique users/);
  });

  it("parses a 5,000-row export in full", () => {
    const lines = [
      "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
      "81234567890,Global conference plenary,11/10/2020 08:00:00 AM,11/10/2020 06:00:00 PM,host@un.org,600,2500",
      ",,,,,,",
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent",
    ];
    const hhmmss = (minutes: number) => {
      const h = Math.floor(minutes / 60) % 24;
      const h12 = h % 12 === 0 ? 12 : h % 12;
      return `${String(h12).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00 ${h < 12 ? "AM" : "PM"}`;
    };
    for (let i = 0; i < 5000; i++) {
      const person = i % 2500;
      const start = 8 * 60 + (i < 2500 ? 0 : 300) + (person % 60);
      const name = person % 7 === 0 ? `"Participant, No. ${person}"` : `Participant ${person}`;
      lines.push(
        `${name},p${person}@example.org,11/10/2020 ${hhmmss(start)},11/10/2020 ${hhmmss(start + 120)},120,Yes,Y`,
      );
    }
    const bytes = Buffer.from(lines.join("\r\n"));
    const t0 = performance.now();
    const r = parseAttendanceReport(bytes, { timeZone: "Asia/Bangkok" });
    const ms = performance.now() - t0;
    console.log(
      `parsed ${r.rows.length} rows (${(bytes.length / 1024).toFixed(0)} KiB) in ${ms.toFixed(1)} ms`,
    );
    expect(r.source).toBe("zoom");
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(5000);
    expect(r.rows[0]).toMatchObject({
      line: 5,
      name: "Participant, No. 0",
      joinedAt: "2020-11-10T01:00:00.000Z",
    });
    expect(r.rows[4999]).toMatchObject({
      line: 5004,
      email: "p2499@example.org",
      joinedAt: "2020-11-10T06:39:00.000Z",
      leftAt: "2020-11-10T08:39:00.000Z",
    });
  });
});

describe("Microsoft Teams attendance report", () => {
  it("pairs Joined/Left actions of the old UTF-16LE tab-separated layout", () => {
    const bytes = fixture("teams-legacy-actions-utf16le.csv");
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const r = parseAttendanceReport(bytes, { timeZone: "Asia/Bangkok" });
    expect(r.source).toBe("teams");
    expect(r.columns).toEqual(["Full Name", "User Action", "Timestamp"]);
    expect(brief(r)).toEqual([
      [8, "Secretariat Host", "2020-11-10T06:58:40.000Z", "2020-11-10T09:02:05.000Z"],
      // "Joined before" counts as a join; the name's comma is just text in a tab-separated file
      [9, "Nguyen, Thi Lan", "2020-11-10T06:58:40.000Z", "2020-11-10T08:30:00.000Z"],
      // left and rejoined: two intervals
      [10, "Arjun Mehta", "2020-11-10T07:03:15.000Z", "2020-11-10T07:45:00.000Z"],
      [12, "Fatima Al-Hassan", "2020-11-10T07:05:09.000Z", "2020-11-10T08:59:59.000Z"],
      [13, "Arjun Mehta", "2020-11-10T07:50:30.000Z", "2020-11-10T09:01:00.000Z"],
      // never left: ends at the meeting end time of the summary (4:05:00 PM)
      [19, "Olena Kovalenko", "2020-11-10T08:15:00.000Z", "2020-11-10T09:05:00.000Z"],
    ]);
    expect(r.rows.every((x) => x.email === null)).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].line).toBe(18);
    expect(r.errors[0].message).toContain("Maria Rossi");
  });

  it("ends an unmatched join at the last timestamp when the summary gives no end time", () => {
    const text = decode16(fixture("teams-legacy-actions-utf16le.csv")).replace(
      /Meeting End Time\t[^\r\n]*/,
      "",
    );
    const r = parseAttendanceReport(utf16le(text), { timeZone: "Asia/Bangkok" });
    expect(r.rows.find((x) => x.name === "Olena Kovalenko")?.leftAt).toBe("2020-11-10T09:02:05.000Z");
  });

  it("merges joins from two devices into one interval", () => {
    const text = [
      "Full Name\tUser Action\tTimestamp",
      "Ana Lima\tJoined\t11/10/20, 2:00:00 PM",
      "Ana Lima\tJoined\t11/10/20, 2:10:00 PM",
      "Ana Lima\tLeft\t11/10/20, 2:20:00 PM",
      "Ana Lima\tLeft\t11/10/20, 2:30:00 PM",
    ].join("\r\n");
    const r = parseAttendanceReport(utf16le(text), { timeZone: "UTC" });
    expect(brief(r)).toEqual([[2, "Ana Lima", "2020-11-10T14:00:00.000Z", "2020-11-10T14:30:00.000Z"]]);
  });

  it("reads the In-Meeting Activities section of the three-section UTF-16LE layout", () => {
    const r = parseAttendanceReport(fixture("teams-sections-utf16le.csv"), { timeZone: "Europe/Vienna" });
    expect(r.source).toBe("teams");
    expect(r.columns).toEqual(["Name", "Join Time", "Leave Time", "Duration", "Email", "Role"]);
    expect(r.errors).toEqual([]);
    // 24-hour "10/11/2020, 14:02:11" from a day-first locale: 10 November, UTC+1 in Vienna
    expect(brief(r)).toEqual([
      [18, "UNTOC Secretariat", "2020-11-10T13:00:03.000Z", "2020-11-10T15:31:10.000Z"],
      [19, "Nguyen, Thi Lan", "2020-11-10T13:02:11.000Z", "2020-11-10T14:10:00.000Z"],
      [20, "Nguyen, Thi Lan", "2020-11-10T14:14:15.000Z", "2020-11-10T15:30:55.000Z"],
      [21, "Karim Benali", "2020-11-10T13:05:40.000Z", "2020-11-10T13:40:00.000Z"],
      [22, "Karim Benali", "2020-11-10T14:15:00.000Z", "2020-11-10T15:00:00.000Z"],
      [23, "Ana Souza (Guest)", "2020-11-10T13:20:00.000Z", "2020-11-10T14:05:30.000Z"],
    ]);
    expect(r.rows[3].email).toBe("k.benali@justice.gov.dz");
    expect(r.rows[5].email).toBeNull();
  });

  it("takes 10/11/2020 as 11 October when told the export is month-first", () => {
    const r = parseAttendanceReport(fixture("teams-sections-utf16le.csv"), {
      timeZone: "Europe/Vienna",
      dateOrder: "mdy",
    });
    // 11 October 2020 is still summer time in Vienna (UTC+2)
    expect(r.rows[0].joinedAt).toBe("2020-10-11T12:00:03.000Z");
  });

  it("falls back to the Participants section when there is no activities section", () => {
    const text = decode16(fixture("teams-sections-utf16le.csv"));
    const cut = text.slice(0, text.indexOf("3. In-Meeting Activities"));
    const r = parseAttendanceReport(utf16le(cut), { timeZone: "Europe/Vienna" });
    expect(r.columns[1]).toBe("First Join");
    expect(brief(r)).toEqual([
      [11, "UNTOC Secretariat", "2020-11-10T13:00:03.000Z", "2020-11-10T15:31:10.000Z"],
      [12, "Nguyen, Thi Lan", "2020-11-10T13:02:11.000Z", "2020-11-10T15:30:55.000Z"],
      [13, "Karim Benali", "2020-11-10T13:05:40.000Z", "2020-11-10T15:00:00.000Z"],
      [14, "Ana Souza (Guest)", "2020-11-10T13:20:00.000Z", "2020-11-10T14:05:30.000Z"],
    ]);
  });

  it("reads the same report in UTF-16BE with BOM and in UTF-16LE without BOM", () => {
    const le = fixture("teams-sections-utf16le.csv");
    const expected = brief(parseAttendanceReport(le, { timeZone: "Europe/Vienna" }));
    const be = Buffer.from(le);
    be.swap16(); // FF FE … → FE FF …
    expect([...be.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(brief(parseAttendanceReport(be, { timeZone: "Europe/Vienna" }))).toEqual(expected);
    const noBom = le.subarray(2);
    expect(brief(parseAttendanceReport(noBom, { timeZone: "Europe/Vienna" }))).toEqual(expected);
  });

  it("reads the 2021 layout (Full Name, Join Time, Leave Time…) and falls back to the UPN for the email", () => {
    const text = [
      "Meeting Summary",
      "Total Number of Participants\t2",
      "Meeting Title\tCase management clinic",
      "Meeting Start Time\t5/4/2021, 9:58:39 AM",
      "Meeting End Time\t5/4/2021, 11:10:33 AM",
      "",
      "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\tParticipant ID (UPN)",
      "Ruth Mensah\t5/4/2021, 9:58:39 AM\t5/4/2021, 11:10:33 AM\t1h 11m 53s\tRuth.Mensah@un.org\tOrganizer\tRuth.Mensah@un.org",
      "Kofi Boateng\t5/4/2021, 10:02:00 AM\t5/4/2021, 10:59:00 AM\t57m\t\tAttendee\tK.Boateng@mint.gov.gh",
    ].join("\r\n");
    const r = parseAttendanceReport(utf16le(text), { timeZone: "Africa/Accra" });
    expect(r.source).toBe("teams");
    expect(r.rows).toEqual([
      {
        line: 8,
        name: "Ruth Mensah",
        email: "ruth.mensah@un.org",
        joinedAt: "2021-05-04T09:58:39.000Z",
        leftAt: "2021-05-04T11:10:33.000Z",
      },
      {
        line: 9,
        name: "Kofi Boateng",
        email: "k.boateng@mint.gov.gh",
        joinedAt: "2021-05-04T10:02:00.000Z",
        leftAt: "2021-05-04T10:59:00.000Z",
      },
    ]);
  });

  it("uses durations when a leave time is missing", () => {
    const text = [
      "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
      "Ana Lima\t11/10/20, 2:00:00 PM\t\t1h 2m 3s\tana@example.org\tAttendee",
      "Ben Ode\t11/10/20, 2:10:00 PM\t\t45m 10s\tben@example.org\tAttendee",
      "Cy Park\t11/10/20, 2:10:00 PM\t\tabout an hour\tcy@example.org\tAttendee",
    ].join("\r\n");
    const r = parseAttendanceReport(utf16le(text), { timeZone: "UTC" });
    expect(r.source).toBe("teams");
    expect(brief(r)).toEqual([
      [2, "Ana Lima", "2020-11-10T14:00:00.000Z", "2020-11-10T15:02:03.000Z"],
      [3, "Ben Ode", "2020-11-10T14:10:00.000Z", "2020-11-10T14:55:10.000Z"],
    ]);
    expect(r.errors).toEqual([{ line: 4, message: expect.stringContaining("about an hour") }]);
  });
});

describe("Webex attendance reports", () => {
  it("reads the meeting attendance export: date column, times of day, duration in mins", () => {
    const r = parseAttendanceReport(fixture("webex-attendance.csv"), { timeZone: "America/Lima" });
    expect(r.source).toBe("webex");
    expect(r.errors).toEqual([]);
    expect(brief(r)).toEqual([
      [2, "Secretariat Host", "2020-11-10T18:58:00.000Z", "2020-11-10T21:02:00.000Z"],
      [3, "Carlos Mendoza", "2020-11-10T19:01:00.000Z", "2020-11-10T20:04:00.000Z"],
      // no leave time: 2:05 PM + "57 mins"
      [4, "Nguyen, Thi Lan", "2020-11-10T19:05:00.000Z", "2020-11-10T20:02:00.000Z"],
      [5, "Mary O'Brien", "2020-11-10T19:30:00.000Z", "2020-11-10T20:15:00.000Z"],
    ]);
    expect(r.rows[3].email).toBeNull();
  });

  it("reads the UTF-16LE attendee report with display, first and last names", () => {
    const r = parseAttendanceReport(fixture("webex-attendee-report-utf16le.csv"), {
      timeZone: "Europe/Vienna",
    });
    expect(r.source).toBe("webex");
    expect(r.columns).toContain("Attendance Duration");
    expect(r.rows.map((x) => [x.name, x.email, x.joinedAt])).toEqual([
      ["Ingrid Olsen", "ingrid.olsen@un.org", "2020-11-16T07:55:00.000Z"],
      ["Dr. Tomás Ruiz", "truiz@fiscalia.es", "2020-11-16T08:02:00.000Z"],
      ["Aiko Tanaka", "aiko.tanaka@moj.go.jp", "2020-11-16T08:10:00.000Z"],
    ]);
  });
});

describe("generic CSV with a column mapping", () => {
  const mapping = {
    name: "participant",
    email: "ADRESSE ELECTRONIQUE",
    join: "arrivee",
    leave: "Départ",
    duration: "minutes",
  };

  it("maps columns by name, ignoring case and accents, and honours explicit offsets", () => {
    const r = parseAttendanceReport(fixture("generic-semicolon.csv"), { timeZone: "Asia/Bangkok", mapping });
    expect(r.source).toBe("csv");
    expect(r.columns).toEqual(["Participant", "Adresse électronique", "Arrivée", "Départ", "Minutes"]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        name: "Léa Dubois",
        email: "lea.dubois@justice.gouv.fr",
        joinedAt: "2020-11-10T13:02:00.000Z",
        leftAt: "2020-11-10T14:30:00.000Z",
      },
      // "Z" is UTC whatever the time zone; no leave time, so 45 minutes are added
      {
        line: 3,
        name: "Moussa Diop",
        email: "m.diop@justice.gouv.sn",
        joinedAt: "2020-11-10T13:05:00.000Z",
        leftAt: "2020-11-10T13:50:00.000Z",
      },
      // no offset: Bangkok time
      {
        line: 4,
        name: "Ivan Petrov",
        email: null,
        joinedAt: "2020-11-10T07:10:00.000Z",
        leftAt: "2020-11-10T08:00:00.000Z",
      },
    ]);
  });

  it("does not guess these columns without a mapping", () => {
    const err = failure(fixture("generic-semicolon.csv"), { timeZone: "Asia/Bangkok" });
    expect(err.code).toBe("attendance_not_a_report");
  });

  it("refuses a mapping that names a column the file does not have", () => {
    const err = failure(fixture("generic-semicolon.csv"), {
      timeZone: "Asia/Bangkok",
      mapping: { ...mapping, join: "Heure d'arrivée" },
    });
    expect(err.code).toBe("attendance_mapping_invalid");
    expect(err.message).toContain("Heure d'arrivée");
    expect(err.extra?.columns).toEqual([
      "Participant",
      "Adresse électronique",
      "Arrivée",
      "Départ",
      "Minutes",
    ]);
  });

  it("refuses a mapping with neither leave time nor duration", () => {
    const err = failure(fixture("generic-semicolon.csv"), {
      timeZone: "Asia/Bangkok",
      mapping: { name: "participant", join: "arrivee" },
    });
    expect(err.code).toBe("attendance_mapping_invalid");
  });
});

describe("files that are not attendance reports", () => {
  it("refuses an organisation list and says which columns were expected", () => {
    const err = failure(fixture("organisations.csv"), { timeZone: "UTC" });
    expect(err.status).toBe(400);
    expect(err.code).toBe("attendance_not_a_report");
    expect(err.message).toContain("Join Time");
    expect(err.message).toContain("Leave Time");
    expect(err.message).toContain("User Action");
    expect(err.message).toContain("name, country, website");
  });

  it("refuses a random CSV and an empty file", () => {
    const random = Buffer.from("id,value,flag\n1,3.14,true\n2,2.72,false\n");
    expect(failure(random, { timeZone: "UTC" }).code).toBe("attendance_not_a_report");
    expect(failure(Buffer.alloc(0), { timeZone: "UTC" }).code).toBe("attendance_not_a_report");
  });

  it("refuses a PNG image as unreadable", () => {
    const err = failure(fixture("not-a-report.png"), { timeZone: "UTC" });
    expect(err.code).toBe("attendance_unreadable");
    expect(err.message).toMatch(/PNG/);
  });

  it("refuses a ZIP (an .xlsx workbook) and headerless binary noise as unreadable", () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(failure(zip, { timeZone: "UTC" }).code).toBe("attendance_unreadable");
    let seed = 7;
    const noise = Buffer.alloc(2048, 0).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed & 0xff;
    });
    expect(failure(Buffer.from(noise), { timeZone: "UTC" }).code).toBe("attendance_unreadable");
  });

  it("refuses an unknown time zone", () => {
    const err = failure(fixture("zoom-vienna-dst.csv"), { timeZone: "Europe/Atlantis" });
    expect(err.code).toBe("validation");
  });
});

describe("durations", () => {
  it.each([
    ["128", 128 * 60],
    ["63 mins", 63 * 60],
    ["1 min", 60],
    ["1h 2m 3s", 3723],
    ["45m 10s", 2710],
    ["5s", 5],
    ["1h", 3600],
    ["1 hr 12 min", 4320],
    ["1:02:03", 3723],
  ])("reads %s as %i seconds", (raw, seconds) => {
    expect(durationSeconds(raw)).toBe(seconds);
  });

  it.each(["", "47:03", "about an hour", "1h later", "11/10/2020"])("refuses %j", (raw) => {
    expect(durationSeconds(raw)).toBeNull();
  });
});
