import type { TFunction } from "i18next";
import {
  APPLICATION_STATUSES,
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  SESSION_TYPES,
} from "../../../shared/schemas/events.ts";
import { ORG_TYPES } from "../../../shared/schemas/organizations.ts";
import type { Option } from "../../ui/forms.tsx";

export const eventTypeOptions = (t: TFunction): Option[] =>
  EVENT_TYPES.map((v) => ({ value: v, label: t(`eventType.${v}`) }));
export const eventFormatOptions = (t: TFunction): Option[] =>
  EVENT_FORMATS.map((v) => ({ value: v, label: t(`eventFormat.${v}`) }));
export const eventStatusOptions = (t: TFunction): Option[] =>
  EVENT_STATUSES.map((v) => ({ value: v, label: t(`eventStatus.${v}`) }));
export const sessionTypeOptions = (t: TFunction): Option[] =>
  SESSION_TYPES.map((v) => ({ value: v, label: t(`sessionType.${v}`) }));
export const applicationStatusOptions = (t: TFunction): Option[] =>
  APPLICATION_STATUSES.map((v) => ({ value: v, label: t(`applicationStatus.${v}`) }));
export const orgTypeOptions = (t: TFunction): Option[] =>
  ORG_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}`) }));

/** The six official languages of the United Nations, the usual working and interpretation languages. */
export const UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;

/** Badge tone per status: the text always says the status, the colour only supports it. */
const TONES: Record<string, string> = {
  draft: "neutral",
  published: "info",
  applications_open: "success",
  applications_closed: "warn",
  running: "info",
  completed: "neutral",
  archived: "neutral",
  submitted: "info",
  accepted: "success",
  confirmed: "success",
  waitlisted: "warn",
  rejected: "danger",
  declined: "neutral",
  withdrawn: "neutral",
};
export const toneOf = (status: string) => TONES[status] ?? "neutral";

/** Eligibility reason codes the server may give (GET /api/events/:id/eligibility). */
export const REASON_CODES = [
  "applications_closed",
  "already_applied",
  "no_organization",
  "no_eligible_organization",
  "organization_not_verified",
  "country_not_targeted",
  "type_not_targeted",
] as const;

/** A reason in the UI language (the server's English message when the code is new). */
export const reasonText = (t: TFunction, r: { code: string; message: string }) =>
  t(`eligibility.reason.${r.code}`, { defaultValue: r.message });
