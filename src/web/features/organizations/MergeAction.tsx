import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { pickText } from "../../../shared/schemas/common.ts";
import type { OrganizationPublic } from "../../../shared/schemas/organizations.ts";
import { api } from "../../api.ts";
import { formatNumber, langAttrs, useRefLookup } from "../../data.ts";
import { currentLocale } from "../../i18n/index.ts";
import { Checkbox, ErrorSummary, Loading, QueryError, RadioGroup, TextField } from "../../ui/forms.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { LiveStatus, ModalDialog } from "../../ui/widgets.tsx";
import { orgApi } from "./endpoints.ts";

type Org = Pick<OrganizationPublic, "id" | "name" | "names" | "originalLang" | "country" | "type" | "status">;

/** Where a staff member may merge a duplicate: organisations that are verified or still pending. */
const TARGET_STATUSES = ["verified", "pending"] as const;

/** Isolates a name (FSI…PDI), so that a Latin name keeps its punctuation in a right-to-left sentence. */
const isolate = (s: string) => `\u2068${s}\u2069`;

/**
 * Staff action on an organisation's page: merge it (a duplicate) into another organisation, chosen
 * by name in a dialog that says what happens and asks for an explicit confirmation. After the merge
 * the page of the organisation kept is shown, with a notice (`state.mergedFrom`).
 */
export function MergeAction({ org }: { org: Org }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const name = pickText(org.names, currentLocale(), org.originalLang).value || org.name;
  return (
    <>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
        {t("orgMerge.action")}
        <span className="visually-hidden"> {name}</span>
      </button>
      <ModalDialog
        isOpen={open}
        onClose={() => setOpen(false)}
        title={t("orgMerge.title", { name: isolate(name) })}
      >
        <MergeForm
          source={org}
          sourceName={name}
          onCancel={() => setOpen(false)}
          onMerged={(targetId) => {
            setOpen(false);
            navigate(`/organizations/${targetId}`, { state: { mergedFrom: name } });
          }}
        />
      </ModalDialog>
    </>
  );
}

function MergeForm({
  source,
  sourceName,
  onCancel,
  onMerged,
}: {
  source: Org;
  sourceName: string;
  onCancel: () => void;
  onMerged: (targetId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lookup = useRefLookup();
  const queryClient = useQueryClient();
  const confirmId = useId();
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [targetId, setTargetId] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string>();
  const { error, setError, busy, run } = useSubmit();

  const results = useQuery({
    queryKey: ["organizations", "merge-targets", source.id, search],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        TARGET_STATUSES.map((status) =>
          api.get<{ items: Org[] }>("/api/organizations", { q: search, status, pageSize: 20 }, signal),
        ),
      );
      return pages.flatMap((p) => p.items).filter((o) => o.id !== source.id);
    },
    enabled: search.length > 0,
  });
  const found = results.data ?? [];
  const target = found.find((o) => o.id === targetId);
  const nameOf = (o: Org) => pickText(o.names, locale, o.originalLang);
  const targetName = target ? nameOf(target).value || target.name : "";
  const names = { name: isolate(sourceName), target: isolate(targetName) };

  const merge = run(async () => {
    if (!target) return;
    if (!confirmed) {
      setConfirmError(t("orgMerge.confirmRequired"));
      document.getElementById(confirmId)?.focus();
      return;
    }
    setConfirmError(undefined);
    await api.post(orgApi.merge(source.id), { into: target.id });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ["organizations"] }),
      queryClient.invalidateQueries({ queryKey: ["organization"] }),
    ]);
    onMerged(target.id);
  });

  return (
    <div className="merge-dialog">
      <p>{t("orgMerge.intro", { name: isolate(sourceName) })}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const term = q.trim();
          setTargetId("");
          setConfirmed(false);
          setError(null);
          // The same words again: ask again (another organisation may have been merged meanwhile).
          if (term === search) results.refetch();
          else setSearch(term);
        }}
      >
        <TextField
          id="merge-search"
          type="search"
          label={t("orgMerge.search")}
          hint={t("orgMerge.searchHint")}
          value={q}
          onChange={setQ}
          dir="auto"
        />
        <button type="submit" className="btn btn-secondary">
          {t("directory.searchButton")}
        </button>
      </form>

      {search ? (
        results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <QueryError error={results.error} />
        ) : found.length === 0 ? (
          <p className="muted">{t("orgMerge.none")}</p>
        ) : (
          <RadioGroup
            id="merge-target"
            legend={t("orgMerge.results")}
            value={targetId}
            onChange={(v) => {
              setTargetId(v);
              setConfirmed(false);
              setConfirmError(undefined);
              setError(null);
            }}
            options={found.map((o) => {
              const n = nameOf(o);
              return {
                value: o.id,
                // Isolated rather than given a direction: the label keeps the page's alignment.
                label: isolate(n.value || o.name),
                lang: n.fallback ? n.lang : undefined,
                hint: [
                  lookup.country(o.country),
                  t(`orgType.${o.type}`),
                  o.status === "verified" ? "" : t(`orgStatus.${o.status}`),
                ]
                  .filter(Boolean)
                  .join(" · "),
              };
            })}
          />
        )
      ) : null}
      <LiveStatus>
        {search && results.data ? t("directory.count", { formatted: formatNumber(found.length) }) : ""}
      </LiveStatus>

      {target ? (
        <form onSubmit={merge} noValidate className="merge-confirm">
          <section aria-labelledby="merge-target-title" className="merge-target">
            <h3 id="merge-target-title">{t("orgMerge.targetTitle", { name: isolate(sourceName) })}</h3>
            <dl className="details">
              <dt>{t("fields.name")}</dt>
              <dd>
                <bdi {...langAttrs(nameOf(target).lang, nameOf(target).fallback)}>{targetName}</bdi>
              </dd>
              <dt>{t("fields.countryHq")}</dt>
              <dd>{lookup.country(target.country)}</dd>
              <dt>{t("fields.type")}</dt>
              <dd>{t(`orgType.${target.type}`)}</dd>
              {target.status === "verified" ? null : (
                <>
                  <dt>{t("fields.status")}</dt>
                  <dd>{t(`orgStatus.${target.status}`)}</dd>
                </>
              )}
            </dl>
          </section>
          <div className="notice notice-warning">
            <p>
              <strong>{t("orgMerge.irreversible")}</strong>
            </p>
            <ul className="merge-consequences">
              <li>{t("orgMerge.movesMembers", names)}</li>
              <li>{t("orgMerge.completesFields", names)}</li>
              <li>{t("orgMerge.keepsHistory", names)}</li>
            </ul>
          </div>
          <ErrorSummary error={error} />
          <Checkbox
            id={confirmId}
            label={t("orgMerge.confirm", names)}
            checked={confirmed}
            onChange={(v) => {
              setConfirmed(v);
              if (v) setConfirmError(undefined);
            }}
            error={confirmError}
          />
          <div className="actions">
            <button type="submit" className="btn btn-danger" disabled={busy}>
              {t("orgMerge.submit")}
            </button>
            <button type="button" className="btn btn-ghost" onClick={onCancel}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      )}
    </div>
  );
}
