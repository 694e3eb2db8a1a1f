import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { pickText } from "../../../shared/schemas/common.ts";
import type { OrganizationFull, OrganizationPublic } from "../../../shared/schemas/organizations.ts";
import { ApiError, api } from "../../api.ts";
import { formatDate, formatList, formatNumber, isStaff, langAttrs, useMe, useRefLookup } from "../../data.ts";
import { currentLocale, LANGUAGE_NAMES } from "../../i18n/index.ts";
import { ErrorSummary, errorText, Loading, QueryError, SelectField, TextArea } from "../../ui/forms.tsx";
import { LiveStatus, Notice, PageTitle } from "../../ui/widgets.tsx";
import NotFoundPage from "../home/NotFoundPage.tsx";
import { type Member, type OrgDocument, orgApi } from "./endpoints.ts";
import { MergeAction } from "./MergeAction.tsx";
import { OrganizationForm } from "./OrganizationForm.tsx";
import { StatusActions } from "./StatusActions.tsx";

type Org = OrganizationPublic & Partial<OrganizationFull>;

export default function OrganizationPage() {
  const { id = "" } = useParams();
  // One instance per organisation: after a merge the page of the organisation kept starts afresh.
  return <OrganizationView key={id} id={id} />;
}

function OrganizationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const mergedFrom = (location.state as { mergedFrom?: string } | null)?.mergedFrom;
  const locale = currentLocale();
  const lookup = useRefLookup();
  const me = useMe();
  const org = useQuery({
    queryKey: ["organization", id],
    queryFn: ({ signal }) => api.get<Org>(orgApi.one(id), undefined, signal),
  });
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();

  if (org.isPending) return <Loading />;
  if (org.isError) {
    if (org.error instanceof ApiError && org.error.status === 404) return <NotFoundPage />;
    return <QueryError error={org.error} />;
  }
  const o = org.data;
  const name = pickText(o.names, locale, o.originalLang);
  const description = pickText(o.description, locale, o.originalLang);
  const canEdit = !!o.canEdit;
  const staff = isStaff(me.data);
  const membership = me.data?.memberships.find((m) => m.organizationId === id);
  const langName = (l: string) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l;

  return (
    <article className="org-page">
      {mergedFrom && o.status !== "merged" ? (
        <Notice kind="success">
          <p role="status">{t("orgMerge.done", { name: `\u2068${mergedFrom}\u2069` })}</p>
        </Notice>
      ) : null}
      {o.status === "merged" && o.mergedInto ? (
        <MergedNotice targetId={o.mergedInto} date={o.updatedAt} />
      ) : null}
      {o.status === "pending" ? (
        <Notice kind="info">
          <p role="status">{t("org.pendingNotice")}</p>
        </Notice>
      ) : null}
      {o.status !== "verified" && o.status !== "pending" && !(o.status === "merged" && o.mergedInto) ? (
        <Notice kind="warning">
          <p>
            {t("org.statusIs", { status: t(`orgStatus.${o.status}`) })}
            {o.statusReason ? ` — ${o.statusReason}` : ""}
          </p>
        </Notice>
      ) : null}
      <div className="page-head">
        <div>
          <PageTitle title={name.value || o.name}>
            <span {...langAttrs(name.lang, name.fallback)}>{name.value || o.name}</span>
            {o.acronym ? <span className="acronym"> ({o.acronym})</span> : null}
          </PageTitle>
          {name.fallback ? (
            <p className="fallback-note">{t("common.originalLanguage", { language: langName(name.lang) })}</p>
          ) : null}
        </div>
        <div className="actions">
          {o.hasLogo ? (
            <img className="org-logo" src={orgApi.logo(id)} alt={t("org.logoAlt", { name: o.name })} />
          ) : null}
        </div>
      </div>

      <JoinButton
        orgId={id}
        status={o.status}
        signedIn={!!me.data?.user}
        membershipStatus={membership?.status}
      />
      {staff && o.status !== "merged" ? (
        <div className="staff-actions">
          <StatusActions org={o} onDone={() => org.refetch()} />
          <MergeAction org={o} />
        </div>
      ) : null}

      <div className="two-col">
        <section aria-labelledby="org-about" className="card">
          <h2 id="org-about">{t("org.about")}</h2>
          {description.value ? (
            <>
              <p className="prewrap" {...langAttrs(description.lang, description.fallback)}>
                {description.value}
              </p>
              {description.fallback ? (
                <p className="fallback-note">
                  {t("common.originalLanguage", { language: langName(description.lang) })}
                </p>
              ) : null}
            </>
          ) : (
            <p className="muted">{t("org.noDescription")}</p>
          )}
          <dl className="details">
            <dt>{t("fields.type")}</dt>
            <dd>{t(`orgType.${o.type}`)}</dd>
            <dt>{t("fields.countryHq")}</dt>
            <dd>{lookup.country(o.country)}</dd>
            {o.region ? (
              <>
                <dt>{t("fields.region")}</dt>
                <dd>{lookup.region(o.region)}</dd>
              </>
            ) : null}
            <dt>{t("fields.countriesOfOperation")}</dt>
            <dd>{formatList(o.countriesOfOperation.map(lookup.country))}</dd>
            <dt>{t("fields.thematicFocus")}</dt>
            <dd>{formatList(o.thematicFocus.map(lookup.theme))}</dd>
            <dt>{t("fields.engagementAreas")}</dt>
            <dd>{formatList(o.engagementAreas.map(lookup.area))}</dd>
            <dt>{t("fields.ecosocStatus")}</dt>
            <dd>{t(`ecosoc.${o.ecosocStatus}`)}</dd>
            <dt>{t("directory.characteristics")}</dt>
            <dd>
              {formatList(
                [
                  o.youthLed && t("fields.youthLed"),
                  o.victimLed && t("fields.victimLed"),
                  o.grassroots && t("fields.grassroots"),
                ].filter((x): x is string => !!x),
              )}
            </dd>
            <dt>{t("fields.website")}</dt>
            <dd>
              {o.website ? (
                <a href={o.website} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
                  {o.website}
                </a>
              ) : (
                "—"
              )}
            </dd>
            {o.email ? (
              <>
                <dt>{t("fields.orgEmail")}</dt>
                <dd>
                  <a href={`mailto:${o.email}`}>{o.email}</a>
                </dd>
              </>
            ) : null}
            <dt>{t("org.registered")}</dt>
            <dd>{formatDate(o.createdAt)}</dd>
          </dl>
        </section>
        <Members orgId={id} canManage={canEdit} />
      </div>

      {canEdit && o.status !== "merged" ? (
        <section aria-labelledby="org-manage" className="manage">
          <h2 id="org-manage">{t("org.manage")}</h2>
          <PendingRequests orgId={id} />
          <Documents orgId={id} />
          <div className="card">
            <h3>{t("org.editTitle")}</h3>
            {editing ? (
              <OrganizationForm
                initial={o}
                submitLabel={t("common.save")}
                onSubmit={async (input) => {
                  await api.patch(orgApi.one(id), input);
                  setEditing(false);
                  await queryClient.invalidateQueries({ queryKey: ["organization", id] });
                }}
              />
            ) : (
              <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)}>
                {t("org.edit")}
              </button>
            )}
          </div>
        </section>
      ) : null}
    </article>
  );
}

/** On a merged organisation's page (staff only see it): where its record went, with a link. */
function MergedNotice({ targetId, date }: { targetId: string; date?: string }) {
  const target = useQuery({
    queryKey: ["organization", targetId],
    queryFn: ({ signal }) => api.get<Org>(orgApi.one(targetId), undefined, signal),
  });
  const name = target.data
    ? pickText(target.data.names, currentLocale(), target.data.originalLang).value || target.data.name
    : "";
  return (
    <Notice kind="warning">
      <p className="merged-into">
        <Trans
          i18nKey="orgMerge.mergedInto"
          values={{ target: name || "…", date: formatDate(date) }}
          components={{ kept: <Link to={`/organizations/${targetId}`} dir="auto" /> }}
        />
      </p>
    </Notice>
  );
}

function JoinButton({
  orgId,
  status,
  signedIn,
  membershipStatus,
}: {
  orgId: string;
  status: string;
  signedIn: boolean;
  membershipStatus?: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const join = useMutation({
    mutationFn: () => api.post(orgApi.join(orgId), message.trim() ? { message: message.trim() } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me"] }),
  });
  if (!signedIn || status !== "verified") return null;
  if (membershipStatus || join.isSuccess) {
    return (
      <LiveStatus>
        {t("org.membershipStatus", { status: t(`membershipStatus.${membershipStatus ?? "pending"}`) })}
      </LiveStatus>
    );
  }
  if (!open) {
    return (
      <p>
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          {t("org.requestJoin")}
        </button>
      </p>
    );
  }
  return (
    <form
      className="card"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        join.mutate();
      }}
    >
      <ErrorSummary error={join.error} />
      <TextArea
        label={t("org.joinMessage")}
        value={message}
        onChange={setMessage}
        rows={3}
        hint={t("org.joinHint")}
      />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={join.isPending}>
          {t("org.sendRequest")}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

function Members({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const lookup = useRefLookup();
  const members = useQuery({
    queryKey: ["organization", orgId, "members"],
    queryFn: ({ signal }) =>
      api.get<Member[] | { items: Member[] }>(orgApi.members(orgId), undefined, signal),
  });
  const list = (Array.isArray(members.data) ? members.data : (members.data?.items ?? [])).filter(
    (m) => m.status === "approved",
  );
  return (
    <section aria-labelledby="org-members" className="card">
      <h2 id="org-members">{t("org.members")}</h2>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <QueryError error={members.error} />
      ) : list.length === 0 ? (
        <p className="muted">{t("org.noMembers")}</p>
      ) : (
        <ul className="people">
          {list.map((m) => (
            <li key={m.membershipId}>
              <bdi className="person-name">{m.person.name}</bdi>
              {m.role === "focal_point" ? <span className="tag">{t("memberRole.focal_point")}</span> : null}
              {m.person.title ? (
                <span className="muted">
                  {" · "}
                  <bdi>{m.person.title}</bdi>
                </span>
              ) : null}
              {m.person.country ? <span className="muted"> · {lookup.country(m.person.country)}</span> : null}
              {canManage && m.person.email ? <span className="muted"> · {m.person.email}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PendingRequests({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: ["organization", orgId, "members"],
    queryFn: ({ signal }) =>
      api.get<Member[] | { items: Member[] }>(orgApi.members(orgId), undefined, signal),
  });
  const [status, setStatus] = useState("");
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: "approved" | "rejected"; name: string }) =>
      api.post(orgApi.decide(v.id), { decision: v.decision }),
    onSuccess: (_d, v) => {
      setStatus(t(v.decision === "approved" ? "org.approvedMsg" : "org.declinedMsg", { name: v.name }));
      queryClient.invalidateQueries({ queryKey: ["organization", orgId, "members"] });
    },
  });
  const pending = (Array.isArray(members.data) ? members.data : (members.data?.items ?? [])).filter(
    (m) => m.status === "pending",
  );
  return (
    <div className="card">
      <h3>{t("org.pendingRequests")}</h3>
      <LiveStatus>{status}</LiveStatus>
      {decide.error ? <p className="field-error">{errorText(decide.error, t)}</p> : null}
      {members.isPending ? (
        <Loading />
      ) : pending.length === 0 ? (
        <p className="muted">{t("org.noRequests")}</p>
      ) : (
        <ul className="requests">
          {pending.map((m) => (
            <li key={m.membershipId}>
              <div>
                <strong>
                  <bdi>{m.person.name}</bdi>
                </strong>
                {m.person.email ? <span className="muted"> · {m.person.email}</span> : null}
                <span className="muted"> · {formatDate(m.requestedAt)}</span>
                {m.message ? <p className="prewrap">{m.message}</p> : null}
              </div>
              <div className="actions">
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  disabled={decide.isPending}
                  onClick={() =>
                    decide.mutate({ id: m.membershipId, decision: "approved", name: m.person.name })
                  }
                >
                  {t("org.approve")}
                  <span className="visually-hidden"> {m.person.name}</span>
                </button>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  disabled={decide.isPending}
                  onClick={() =>
                    decide.mutate({ id: m.membershipId, decision: "rejected", name: m.person.name })
                  }
                >
                  {t("org.decline")}
                  <span className="visually-hidden"> {m.person.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const DOC_KINDS = ["registration", "statute", "report", "other"];

function Documents({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState("registration");
  const [status, setStatus] = useState("");
  const docs = useQuery({
    queryKey: ["organization", orgId, "documents"],
    queryFn: ({ signal }) =>
      api.get<OrgDocument[] | { items: OrgDocument[] }>(orgApi.documents(orgId), undefined, signal),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("kind", kind);
      form.append("file", file);
      return api.upload(orgApi.documents(orgId), form);
    },
    onSuccess: () => {
      setStatus(t("org.uploaded"));
      if (fileRef.current) fileRef.current.value = "";
      queryClient.invalidateQueries({ queryKey: ["organization", orgId, "documents"] });
    },
  });
  const list = Array.isArray(docs.data) ? docs.data : (docs.data?.items ?? []);
  return (
    <div className="card">
      <h3>{t("org.documents")}</h3>
      {list.length ? (
        <ul>
          {list.map((d) => (
            <li key={d.id}>
              <a href={orgApi.document(orgId, d.id)}>{d.name}</a>{" "}
              <span className="muted">
                · {t(`docKind.${d.kind}`, { defaultValue: d.kind })} ·{" "}
                {formatNumber(Math.ceil(d.size / 1024))} KB · {formatDate(d.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : docs.isPending ? (
        <Loading />
      ) : (
        <p className="muted">{t("org.noDocuments")}</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = fileRef.current?.files?.[0];
          if (f) upload.mutate(f);
        }}
      >
        <ErrorSummary error={upload.error} />
        <SelectField
          label={t("org.docKind")}
          value={kind}
          onChange={setKind}
          options={DOC_KINDS.map((k) => ({ value: k, label: t(`docKind.${k}`) }))}
        />
        <div className="field">
          <label htmlFor={fileId}>{t("org.file")}</label>
          <p className="hint" id={`${fileId}-hint`}>
            {t("org.fileHint")}
          </p>
          <input
            id={fileId}
            ref={fileRef}
            type="file"
            aria-describedby={`${fileId}-hint`}
            accept=".pdf,.png,.jpg,.jpeg,.docx,.odt"
          />
        </div>
        <button type="submit" className="btn btn-secondary" disabled={upload.isPending}>
          {t("org.upload")}
        </button>
        <LiveStatus>{status}</LiveStatus>
      </form>
    </div>
  );
}
