import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DiversityPanel as Panel } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import { formatNumber, useRefLookup } from "../../../data.ts";
import { Loading, QueryError, RadioGroup } from "../../../ui/forms.tsx";
import { eventApi, eventKeys } from "../endpoints.ts";
import { formatPercent } from "../format.ts";

export type Scope = "selected" | "applicants";
/** Bars shown at most per list; the table view has them all. */
const BARS = 10;

export function useDiversity(eventId: string, scope: Scope) {
  return useQuery({
    queryKey: eventKeys.diversity(eventId, scope),
    queryFn: ({ signal }) => api.get<Panel>(eventApi.diversity(eventId), { scope }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The balance of the selection (or of all applicants) against the event's targets, live. */
export function DiversityPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const lookup = useRefLookup();
  const [scope, setScope] = useState<Scope>("selected");
  const panel = useDiversity(eventId, scope);
  const p = panel.data;
  const unknown = t("diversity.unknown");
  const label = {
    region: (k: string) => (k === "unknown" ? unknown : lookup.region(k)),
    sector: (k: string) => (k === "unknown" ? unknown : t(`orgType.${k}`, { defaultValue: k })),
    country: (k: string) => (k === "unknown" ? unknown : lookup.country(k)),
    gender: (k: string) => (k === "unknown" ? unknown : t(`diversity.gender.${k}`, { defaultValue: k })),
  };
  const of = (count: number, total: number) =>
    t("diversity.countOf", { n: formatNumber(count), total: formatNumber(total) });

  return (
    <section className="card diversity" aria-labelledby="diversity-title" aria-busy={panel.isFetching}>
      <h2 id="diversity-title">{t("diversity.title")}</h2>
      <div className="scope-toggle">
        <RadioGroup
          legend={t("diversity.scope")}
          options={[
            { value: "selected", label: t("diversity.scopeSelected") },
            { value: "applicants", label: t("diversity.scopeApplicants") },
          ]}
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          inline
        />
      </div>
      {panel.isPending ? (
        <Loading />
      ) : panel.isError ? (
        <QueryError error={panel.error} />
      ) : p ? (
        <>
          <dl className="stats" aria-live="polite">
            <div className="stat">
              <dt>{t(scope === "selected" ? "diversity.selected" : "diversity.applicants")}</dt>
              <dd>
                <span className="stat-value">{formatNumber(p.total)}</span>
                {p.capacity ? (
                  <>
                    <span className="stat-note">
                      {t("diversity.ofCapacity", { capacity: formatNumber(p.capacity) })}
                    </span>
                    <span className="meter" aria-hidden="true">
                      <span style={{ inlineSize: `${Math.min(100, (p.total / p.capacity) * 100)}%` }} />
                    </span>
                  </>
                ) : null}
              </dd>
            </div>
            <div className="stat">
              <dt>{t("diversity.countries")}</dt>
              <dd>
                <span className="stat-value">
                  {formatNumber(p.countries.filter((c) => c.key !== "unknown").length)}
                </span>
              </dd>
            </div>
            <div className="stat">
              <dt>{t("diversity.youth")}</dt>
              <dd>
                <span className="stat-value">{formatPercent(p.youth.share)}</span>
                <span className="stat-note">{of(p.youth.count, p.total)}</span>
              </dd>
            </div>
            <div className="stat">
              <dt>{t("diversity.women")}</dt>
              <dd>
                <span className="stat-value">{formatPercent(p.women.share)}</span>
                <span className="stat-note">
                  {t("diversity.ofKnown", {
                    n: formatNumber(p.women.count),
                    known: formatNumber(p.women.known),
                  })}
                </span>
              </dd>
            </div>
            <div className="stat">
              <dt>{t("diversity.firstTime")}</dt>
              <dd>
                <span className="stat-value">{formatPercent(p.firstTime.share)}</span>
                <span className="stat-note">{of(p.firstTime.count, p.total)}</span>
              </dd>
            </div>
            <div className="stat">
              <dt>{t("diversity.perOrganization")}</dt>
              <dd>
                <span className="stat-value">{formatNumber(p.perOrganization.max)}</span>
                <span className="stat-note">
                  {t("diversity.organizations", { formatted: formatNumber(p.perOrganization.organizations) })}
                </span>
              </dd>
            </div>
          </dl>
          <Targets panel={p} />
          <div className="bar-lists">
            <BarList title={t("diversity.regions")} items={p.regions} label={label.region} total={p.total} />
            <BarList title={t("diversity.sectors")} items={p.sectors} label={label.sector} total={p.total} />
            <BarList
              title={t("diversity.countriesList")}
              items={p.countries}
              label={label.country}
              total={p.total}
            />
            <BarList title={t("diversity.genders")} items={p.genders} label={label.gender} total={p.total} />
          </div>
        </>
      ) : null}
    </section>
  );
}

function Targets({ panel: p }: { panel: Panel }) {
  const { t } = useTranslation();
  if (!p.targets.length) return <p className="hint">{t("diversity.noTargets")}</p>;
  const show = (key: string, v: number | null) =>
    v == null ? "—" : key.endsWith("Share") ? formatPercent(v) : formatNumber(v);
  return (
    <>
      <h3 className="h3">{t("diversity.targets")}</h3>
      <ul className="targets">
        {p.targets.map((g) => (
          <li key={g.key} className={g.met ? "target-met" : "target-unmet"}>
            <span className="target-icon" aria-hidden="true">
              {g.met ? "✓" : "✗"}
            </span>
            <span className="target-state">{g.met ? t("diversity.met") : t("diversity.notMet")}</span>
            <span>
              {t(`diversity.target.${g.key}`, {
                actual: show(g.key, g.actual),
                target: show(g.key, g.target),
                defaultValue: `${g.key}: ${show(g.key, g.actual)} / ${show(g.key, g.target)}`,
              })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Counts as small horizontal bars, or as a table: both carry the same numbers in text. */
function BarList({
  title,
  items,
  label,
  total,
}: {
  title: string;
  items: Array<{ key: string; count: number }>;
  label: (key: string) => string;
  total: number;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <div className="bar-list">
      <div className="bar-list-head">
        <h3 className="h3" id={headingId}>
          {title}
        </h3>
        {items.length ? (
          <button
            type="button"
            className="link-button"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {t("diversity.tableView")}
            <span className="visually-hidden"> — {title}</span>
          </button>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="muted">{t("diversity.none")}</p>
      ) : asTable ? (
        <table className="compact-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{t("diversity.count")}</th>
              <th scope="col">{t("diversity.share")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.key}>
                <th scope="row">{label(i.key)}</th>
                <td>{formatNumber(i.count)}</td>
                <td>{formatPercent(total ? i.count / total : null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ul className="bars" aria-labelledby={headingId}>
          {items.slice(0, BARS).map((i) => (
            <li key={i.key}>
              <span className="bar-label">{label(i.key)}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar" style={{ inlineSize: `${(i.count / max) * 100}%` }} />
              </span>
              <span className="bar-count">{formatNumber(i.count)}</span>
            </li>
          ))}
          {items.length > BARS ? (
            <li className="bars-more">
              {t("diversity.more", { formatted: formatNumber(items.length - BARS) })}
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
