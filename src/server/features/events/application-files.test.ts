import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  createTestEvent,
  multipart,
  sampleOrg,
  type TestApp,
  type TestUser,
} from "../../testing.ts";

const PNG = readFileSync(join(import.meta.dirname, "attendance", "fixtures", "not-a-report.png"));

describe("events: file questions in the application form", () => {
  let t: TestApp;
  let staff: TestUser;
  let eventId: string;
  const users: TestUser[] = [];
  const orgs: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    eventId = await createTestEvent(t, staff, {
      type: "workshop",
      format: "in_person",
      title: { en: "Workshop with a file question" },
      timeZone: "Asia/Manila",
      startDate: "2030-05-05",
      endDate: "2030-05-06",
      venue: "Manila",
      questions: [{ id: "cv", kind: "file", label: { en: "Your CV" }, required: true }],
    });
    for (const status of ["published", "applications_open"])
      await t.app.inject({
        method: "PATCH",
        url: `/api/events/${eventId}`,
        headers: staff.auth,
        payload: { status },
      });
    for (let i = 0; i < 2; i++) {
      const u = await t.user();
      users.push(u);
      const o = await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        headers: u.auth,
        payload: sampleOrg({
          names: { en: `File org ${i}` },
          country: "PHL",
          website: `https://f${i}.example`,
          email: `f${i}@x.example`,
        }),
      });
      orgs.push(o.json().id);
      await t.app.inject({
        method: "POST",
        url: `/api/organizations/${o.json().id}/verify`,
        headers: staff.auth,
        payload: {},
      });
    }
  });
  afterAll(() => t.close());

  const upload = (u: TestUser, name: string, bytes: Buffer) => {
    const m = multipart({ name, bytes });
    return t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/application-files`,
      headers: { ...m.headers, ...u.auth },
      payload: m.payload,
    });
  };

  it("sniffs the uploaded file and takes it as an answer; nobody else can use or read it", async () => {
    const fake = await upload(users[0], "cv.pdf", Buffer.from("#!/bin/sh\necho not a pdf\n"));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe("file_type_not_allowed");
    const ok = await upload(users[0], "cv.png", PNG);
    expect(ok.statusCode).toBe(201);
    const fileId = ok.json().fileId;
    // Someone else's file is not an answer of mine.
    const theirs = await t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/applications`,
      headers: users[1].auth,
      payload: { organizationId: orgs[1], answers: { cv: { fileId } }, consent: true },
    });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().fields[0].path).toBe("answers.cv");
    const missing = await t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/applications`,
      headers: users[0].auth,
      payload: { organizationId: orgs[0], answers: {}, consent: true },
    });
    expect(missing.statusCode).toBe(400);
    const app = await t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/applications`,
      headers: users[0].auth,
      payload: { organizationId: orgs[0], answers: { cv: { fileId } }, consent: true },
    });
    expect(app.statusCode).toBe(201);
    const url = `/api/applications/${app.json().id}/files/${fileId}`;
    const read = await t.app.inject({ url, headers: staff.auth });
    expect(read.statusCode).toBe(200);
    expect(read.headers["content-type"]).toBe("image/png");
    expect(read.rawPayload.equals(PNG)).toBe(true);
    expect((await t.app.inject({ url, headers: users[1].auth })).statusCode).toBe(404);
  });
});
