/**
 * Tables owned by the application (better-auth owns user, session, account, verification,
 * twoFactor, passkey, rateLimit). Instants are ISO-8601 UTC strings; structured values are JSON text
 * so that one set of migrations serves SQLite and PostgreSQL.
 */
export interface OrganizationTable {
  id: string;
  name: string; // display name in the original language
  name_key: string; // normalised name, for duplicate detection and sorting
  names: string; // JSON Localized: { [lang]: { value, origin } }
  original_lang: string;
  acronym: string | null;
  type: string;
  country: string;
  countries_of_operation: string; // JSON string[]
  thematic_focus: string; // JSON string[]
  engagement_areas: string; // JSON string[]
  ecosoc_status: string;
  youth_led: number;
  victim_led: number;
  grassroots: number;
  website: string | null;
  website_domain: string | null;
  email: string | null;
  description: string; // JSON Localized
  logo_file_id: string | null;
  status: string; // pending | verified | rejected | suspended | merged
  status_reason: string | null;
  merged_into: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganizationTagTable {
  organization_id: string;
  kind: string; // operates_in | thematic | area
  value: string;
}

export interface PersonTable {
  id: string;
  user_id: string | null;
  given_name: string;
  family_name: string;
  name_key: string;
  email: string | null;
  title: string | null;
  country: string | null;
  languages: string; // JSON string[]
  expertise: string; // JSON string[]
  gender: string | null;
  birth_year: number | null;
  youth_declared: number | null;
  bio: string; // JSON Localized
  visibility: string; // JSON { field: "public" | "private" }
  consent_at: string | null;
  consent_version: string | null;
  anonymized_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  organization_id: string;
  person_id: string;
  role: string; // focal_point | member
  status: string; // pending | approved | rejected
  message: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface OrganizationDocumentTable {
  id: string;
  organization_id: string;
  file_id: string;
  kind: string;
  created_by: string | null;
  created_at: string;
}

export interface StoredFileTable {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  created_by: string | null;
  created_at: string;
}

export interface PlatformRoleTable {
  user_id: string;
  role: string; // admin | secretariat | state_focal_point | bureau_member
  state_code: string; // '' unless state_focal_point
  granted_by: string | null;
  granted_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

export interface OutboxTable {
  id: string;
  created_at: string;
  to_address: string;
  subject: string;
  text: string;
  html: string | null;
  locale: string;
  kind: string;
  status: string; // stored | sent | failed
  error: string | null;
  sent_at: string | null;
}

export interface ReferenceItemTable {
  dataset: string;
  code: string;
  sort: number;
  data: string; // JSON
  updated_at: string;
  updated_by: string | null;
}

export interface ReferenceDatasetTable {
  dataset: string;
  version: number;
  as_of: string;
  sources: string; // JSON
  imported_at: string;
  imported_by: string | null;
}

export interface SearchDocTable {
  entity: string;
  entity_id: string;
  doc: string;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  done_at: string | null;
  created_at: string;
  dedupe_key: string | null; // a pending job with the same key is replaced when rescheduled
}

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: number | boolean;
  image: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  twoFactorEnabled: number | boolean | null;
  locale: string | null;
}

export interface LoginThrottleTable {
  email: string;
  failures: number;
  blocked_until: string | null;
  updated_at: string;
}

export interface EventTable {
  id: string;
  type: string;
  format: string;
  status: string;
  title: string; // JSON Localized
  summary: string; // JSON Localized
  time_zone: string; // IANA
  start_date: string; // local date in time_zone
  end_date: string;
  venue: string | null;
  online_link: string | null;
  languages: string; // JSON string[]
  interpretation: string; // JSON string[]
  target: string; // JSON EventTarget
  capacity: number | null;
  organisers: string; // JSON string[]
  partners: string; // JSON string[]
  applications_open_at: string | null;
  applications_close_at: string | null;
  questions: string; // JSON Question[]
  consent_text: string; // JSON Localized
  endorsement_required: number;
  travel_support: number;
  attendance_threshold: number;
  diversity_targets: string; // JSON DiversityTargets
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventSessionTable {
  id: string;
  event_id: string;
  type: string;
  title: string; // JSON Localized
  description: string; // JSON Localized
  starts_at: string;
  ends_at: string;
  engagement_areas: string; // JSON string[]
  speakers: string; // JSON Speaker[]
  materials: string; // JSON Material[]
  created_at: string;
  updated_at: string;
}

export interface ApplicationTable {
  id: string;
  event_id: string;
  person_id: string;
  organization_id: string;
  status: string;
  name_key: string;
  country: string | null;
  region: string | null;
  gender: string | null;
  youth: number | null;
  org_type: string;
  org_name_key: string;
  first_time: number;
  answers: string; // JSON
  motivation: string | null;
  travel_support: number;
  travel_justification: string | null;
  consent_at: string | null;
  consent_text: string | null;
  endorsement: string; // none | requested | endorsed | declined
  endorsed_by: string | null;
  score: number | null;
  notes: string | null;
  invited: number;
  directory_opt_in: number;
  checkin_token: string | null;
  decided_by: string | null;
  decided_at: string | null;
  responded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttendanceImportTable {
  id: string;
  event_id: string;
  session_id: string | null;
  source: string;
  file_name: string;
  rows: number;
  matched: number;
  created_by: string | null;
  created_at: string;
}

export interface AttendanceIntervalTable {
  id: string;
  event_id: string;
  session_id: string | null;
  person_id: string;
  source: string; // manual | qr | zoom | teams | webex | csv
  import_id: string | null;
  joined_at: string;
  left_at: string;
  created_at: string;
}

export interface AttendanceMappingTable {
  id: string;
  name: string;
  mapping: string; // JSON ColumnMapping
  created_by: string | null;
  created_at: string;
}

export interface CertificateTable {
  code: string;
  event_id: string;
  person_id: string;
  name: string;
  locale: string;
  seconds: number;
  issued_at: string;
  revoked_at: string | null;
}

export interface FeedbackTable {
  id: string;
  event_id: string;
  person_id: string | null;
  ratings: string; // JSON { [question]: 1..5 }
  comment: string | null;
  created_at: string;
}

export interface FeedbackSubmissionTable {
  event_id: string;
  person_id: string;
  submitted_on: string;
}

export interface ContactRequestTable {
  id: string;
  event_id: string;
  from_person: string;
  to_person: string;
  message: string | null;
  status: string; // pending | accepted | declined
  created_at: string;
  decided_at: string | null;
}

export interface BreakoutSetTable {
  session_id: string;
  event_id: string;
  seed: number;
  options: string; // JSON: groups/size, pins, weights
  random_score: string; // JSON BalanceScore of the seeded random split
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface BreakoutGroupTable {
  id: string;
  session_id: string;
  number: number;
  title: string; // JSON Localized
  rapporteur_person_id: string | null;
  created_at: string;
}

export interface BreakoutMemberTable {
  group_id: string;
  person_id: string;
}

export interface BreakoutDraftTable {
  group_id: string;
  text: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface RecommendationTable {
  id: string;
  title: string; // JSON Localized
  text: string; // JSON Localized (sanitised HTML)
  rationale: string; // JSON Localized
  original_lang: string;
  addressed_actors: string; // JSON string[]
  themes: string;
  instruments: string;
  articles: string;
  engagement_areas: string;
  sdg_targets: string;
  event_id: string | null;
  session_id: string | null;
  group_id: string | null;
  organization_id: string | null;
  author_person_id: string | null;
  region: string | null; // regional group of the origin (for the tracker's filter)
  year: number;
  protection: string; // public | group | anonymous | confidential
  status: string; // the secretariat's current status
  public_status: string; // the status the public sees (changes when an answer is published)
  answer: string; // JSON Localized — the published answer
  pending_answer: string | null; // JSON { status, rationale } not yet published
  answer_publish_at: string | null;
  answered_at: string | null;
  assigned_to: string | null;
  merged_into: string | null;
  endorsements: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecommendationTagTable {
  recommendation_id: string;
  kind: string; // theme | instrument | article | area | actor | sdg
  value: string;
}

export interface RecommendationEndorsementTable {
  id: string;
  recommendation_id: string;
  person_id: string | null;
  organization_id: string | null;
  show_identity: number;
  created_at: string;
}

export interface RecommendationHistoryTable {
  id: string;
  recommendation_id: string;
  at: string;
  kind: string;
  data: string;
  public: number;
}

export interface RecommendationNoteTable {
  id: string;
  recommendation_id: string;
  author_id: string;
  text: string;
  mentions: string;
  created_at: string;
}

export interface RecommendationActionTable {
  id: string;
  recommendation_id: string;
  title: string; // JSON Localized
  owner: string;
  due_date: string | null;
  progress: number; // 0..100
  status: string; // planned | in_progress | done | dropped
  milestones: string; // JSON [{ title, due, done }]
  created_at: string;
  updated_at: string;
}

export interface AnswerTemplateTable {
  id: string;
  name: string;
  status: string;
  text: string; // JSON Localized
  created_by: string | null;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  data: string; // JSON
  read_at: string | null;
  created_at: string;
}

export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  email: number;
  in_app: number;
}

/** Version per cached family of data; bumped by every write to it (see platform/cache-epoch.ts). */
export interface CacheEpochTable {
  name: string;
  version: number | string; // bigint: a string from PostgreSQL
}

/** Documents per significant word, per entity ("" holds the number of documents). */
export interface SearchTermTable {
  entity: string;
  term: string;
  docs: number;
}

export interface DB {
  cache_epoch: CacheEpochTable;
  search_term: SearchTermTable;
  login_throttle: LoginThrottleTable;
  organization: OrganizationTable;
  organization_tag: OrganizationTagTable;
  person: PersonTable;
  membership: MembershipTable;
  organization_document: OrganizationDocumentTable;
  stored_file: StoredFileTable;
  platform_role: PlatformRoleTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  reference_item: ReferenceItemTable;
  reference_dataset: ReferenceDatasetTable;
  search_doc: SearchDocTable;
  job: JobTable;
  event: EventTable;
  event_session: EventSessionTable;
  application: ApplicationTable;
  attendance_import: AttendanceImportTable;
  attendance_interval: AttendanceIntervalTable;
  attendance_mapping: AttendanceMappingTable;
  certificate: CertificateTable;
  feedback: FeedbackTable;
  feedback_submission: FeedbackSubmissionTable;
  contact_request: ContactRequestTable;
  breakout_set: BreakoutSetTable;
  breakout_group: BreakoutGroupTable;
  breakout_member: BreakoutMemberTable;
  breakout_draft: BreakoutDraftTable;
  recommendation: RecommendationTable;
  recommendation_tag: RecommendationTagTable;
  recommendation_endorsement: RecommendationEndorsementTable;
  recommendation_history: RecommendationHistoryTable;
  recommendation_note: RecommendationNoteTable;
  recommendation_action: RecommendationActionTable;
  answer_template: AnswerTemplateTable;
  notification: NotificationTable;
  notification_preference: NotificationPreferenceTable;
  user: UserTable;
  session: { id: string; userId: string; token: string; expiresAt: string | Date };
}
