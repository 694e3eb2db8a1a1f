import { sendReminder } from "./features/events/reminders.ts";
import { publishAnswers } from "./features/recommendations/service.ts";
import type { JobHandlers } from "./platform/jobs.ts";

/** Every kind of background job the server runs, by name. */
export const jobHandlers: JobHandlers = {
  "event.reminder": sendReminder,
  "recommendation.publishAnswers": async (ctx) => {
    await publishAnswers(ctx);
  },
};
