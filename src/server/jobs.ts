import { sendReminder } from "./features/events/reminders.ts";
import type { JobHandlers } from "./platform/jobs.ts";

/** Every kind of background job the server runs, by name. */
export const jobHandlers: JobHandlers = {
  "event.reminder": sendReminder,
};
