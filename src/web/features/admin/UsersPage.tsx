import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../shared/schemas/common.ts";
import { api } from "../../api.ts";
import { formatDate, formatNumber, type Page, useRefLookup } from "../../data.ts";
import { ErrorSummary, errorText, Loading, QueryError, SelectField } from "../../ui/forms.tsx";
import { LiveStatus, ModalDialog, PageTitle, Pagination } from "../../ui/widgets.tsx";

interface AdminUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  createdAt: string;
  roles: Array<{ role: string; stateCode: string | null }>;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lookup = useRefLookup();
  const searchId = useId();
  const [q, setQ] = useState("");
  const [query, setQuery] = useState({ q: "", page: 1 });
  const [grantFor, setGrantFor] = useState<AdminUser | null>(null);
  const [status, setStatus] = useState("");
  const users = useQuery({
    queryKey: ["admin", "users", query],
    queryFn: ({ signal }) =>
      api.get<Page<AdminUser>>("/api/admin/users", { q: query.q, page: query.page }, signal),
  });
  const revoke = useMutation({
    mutationFn: (v: { user: AdminUser; role: string; stateCode: string | null }) =>
      api.del(`/api/admin/users/${v.user.id}/roles/${v.role}`, undefined, {
        stateCode: v.stateCode ?? undefined,
      }),
    onSuccess: (_d, v) => {
      setStatus(t("users.revoked", { role: t(`role.${v.role}`), name: v.user.name }));
      queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    },
  });
  const roleLabel = (r: { role: string; stateCode: string | null }) =>
    t(`role.${r.role}`, { defaultValue: r.role }) + (r.stateCode ? ` (${lookup.country(r.stateCode)})` : "");

  return (
    <>
      <PageTitle>{t("admin.tabs.users")}</PageTitle>
      <search>
        <form
          className="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ q: q.trim(), page: 1 });
          }}
        >
          <label htmlFor={searchId}>{t("users.search")}</label>
          <div className="search-row">
            <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            <button type="submit" className="btn btn-primary">
              {t("directory.searchButton")}
            </button>
          </div>
        </form>
      </search>
      <LiveStatus>
        {status || (users.data ? t("users.count", { formatted: formatNumber(users.data.total) }) : "")}
      </LiveStatus>
      {revoke.error ? <p className="field-error">{errorText(revoke.error, t)}</p> : null}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <QueryError error={users.error} />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("admin.tabs.users")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("fields.email")}</th>
                <th scope="col">{t("security.twoFactor")}</th>
                <th scope="col">{t("security.created")}</th>
                <th scope="col">{t("profile.roles")}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.name}</th>
                  <td>
                    {u.email}
                    {!u.emailVerified ? (
                      <span className="tag tag-warn">{t("profile.unverified")}</span>
                    ) : null}
                  </td>
                  <td>{u.twoFactorEnabled ? t("security.on") : t("security.off")}</td>
                  <td>{formatDate(u.createdAt)}</td>
                  <td>
                    <ul className="role-list">
                      {u.roles.map((r) => (
                        <li key={r.role + (r.stateCode ?? "")}>
                          {roleLabel(r)}{" "}
                          <button
                            type="button"
                            className="btn btn-ghost btn-small"
                            onClick={() => revoke.mutate({ user: u, role: r.role, stateCode: r.stateCode })}
                            aria-label={t("users.revokeLabel", { role: roleLabel(r), name: u.name })}
                          >
                            {t("security.revoke")}
                          </button>
                        </li>
                      ))}
                    </ul>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      onClick={() => setGrantFor(u)}
                    >
                      {t("users.grant")}
                      <span className="visually-hidden"> {u.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.data ? (
        <Pagination
          page={query.page}
          pageSize={users.data.pageSize ?? 20}
          total={users.data.total}
          onPage={(p) => setQuery((s) => ({ ...s, page: p }))}
        />
      ) : null}
      {grantFor ? (
        <GrantDialog
          user={grantFor}
          onClose={() => setGrantFor(null)}
          onDone={(msg) => {
            setStatus(msg);
            setGrantFor(null);
            queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
          }}
        />
      ) : null}
    </>
  );
}

function GrantDialog({
  user,
  onClose,
  onDone,
}: {
  user: AdminUser;
  onClose: () => void;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const lookup = useRefLookup();
  const [role, setRole] = useState<string>("secretariat");
  const [stateCode, setStateCode] = useState("");
  const needsState = role === "state_focal_point";
  const grant = useMutation({
    mutationFn: () =>
      api.post(`/api/admin/users/${user.id}/roles`, needsState ? { role, stateCode } : { role }),
    onSuccess: () => onDone(t("users.granted", { role: t(`role.${role}`), name: user.name })),
  });
  return (
    <ModalDialog isOpen onClose={onClose} title={t("users.grantTitle", { name: user.name })}>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          grant.mutate();
        }}
      >
        <ErrorSummary error={grant.error} />
        <SelectField
          label={t("users.role")}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        {needsState ? (
          <SelectField
            label={t("users.state")}
            value={stateCode}
            onChange={setStateCode}
            options={lookup.sortedCountries().map((c) => ({ value: c.code, label: c.name }))}
            emptyLabel={t("common.choose")}
            required
          />
        ) : null}
        <div className="actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={grant.isPending || (needsState && !stateCode)}
          >
            {t("users.grant")}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
