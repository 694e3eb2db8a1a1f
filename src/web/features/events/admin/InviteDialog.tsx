import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api.ts";
import { ErrorSummary, fieldErrors, SelectField, TextField } from "../../../ui/forms.tsx";
import { useSubmit } from "../../../ui/useSubmit.ts";
import { LiveStatus, ModalDialog } from "../../../ui/widgets.tsx";
import { eventKeys } from "../endpoints.ts";

interface OrgHit {
  id: string;
  name: string;
}
interface Member {
  role: string;
  status: string;
  person: { id: string; name: string };
}

/**
 * "Invite someone directly": choose an organisation from the directory, then one of its members
 * (or type a person's identifier); the person gets a place without an application.
 */
export function InviteButton({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [orgId, setOrgId] = useState("");
  const [personId, setPersonId] = useState("");
  const [manual, setManual] = useState("");
  const [done, setDone] = useState("");
  const { error, busy, run } = useSubmit();
  const orgs = useQuery({
    queryKey: ["organizations", { q: search, invite: "1" }],
    queryFn: ({ signal }) =>
      api.get<{ items: OrgHit[] }>("/api/organizations", { q: search, pageSize: 20 }, signal),
    enabled: open && search.length > 1,
  });
  const members = useQuery({
    queryKey: ["organization", orgId, "members"],
    queryFn: ({ signal }) =>
      api.get<{ items: Member[] }>(`/api/organizations/${orgId}/members`, undefined, signal),
    enabled: open && !!orgId,
  });
  const errors = fieldErrors(error);
  const chosen = manual.trim() || personId;
  const close = () => setOpen(false);
  const submit = run(async () => {
    await api.post(`/api/events/${eventId}/invitations`, { personId: chosen, organizationId: orgId });
    await queryClient.invalidateQueries({ queryKey: eventKeys.applicants(eventId) });
    await queryClient.invalidateQueries({ queryKey: eventKeys.diversity(eventId) });
    const name = members.data?.items.find((m) => m.person.id === chosen)?.person.name ?? chosen;
    setDone(t("invite.done", { name }));
    setPersonId("");
    setManual("");
    setOpen(false);
  });
  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>
        {t("invite.open")}
      </button>
      <LiveStatus>{done}</LiveStatus>
      <ModalDialog isOpen={open} onClose={close} title={t("invite.title")}>
        <p className="hint">{t("invite.intro")}</p>
        <form
          className="inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setSearch(q.trim());
          }}
        >
          <TextField id="invite-org-q" type="search" label={t("invite.findOrg")} value={q} onChange={setQ} />
          <button type="submit" className="btn btn-secondary">
            {t("directory.searchButton")}
          </button>
        </form>
        <form onSubmit={submit}>
          <ErrorSummary error={error} />
          {search ? (
            <SelectField
              id="invite-org"
              label={t("invite.organization")}
              value={orgId}
              onChange={(v) => {
                setOrgId(v);
                setPersonId("");
              }}
              options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              emptyLabel={orgs.data?.items.length ? t("common.choose") : t("invite.noOrg")}
              error={errors.organizationId}
            />
          ) : null}
          {orgId ? (
            <SelectField
              id="invite-person"
              label={t("invite.member")}
              value={personId}
              onChange={setPersonId}
              options={(members.data?.items ?? [])
                .filter((m) => m.status === "approved")
                .map((m) => ({ value: m.person.id, label: m.person.name }))}
              emptyLabel={t("common.choose")}
              error={errors.personId}
            />
          ) : null}
          <TextField
            id="invite-person-id"
            label={t("invite.personId")}
            hint={t("invite.personIdHint")}
            value={manual}
            onChange={setManual}
          />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy || !orgId || !chosen}>
              {t("invite.submit")}
            </button>
            <button type="button" className="btn btn-ghost" onClick={close}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}
