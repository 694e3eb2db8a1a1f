import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber, langAttrs } from "../../data.ts";
import { formatPercent } from "./format.ts";

export interface Datum {
  key: string;
  label: string;
  value: number;
  /** Text for the value in the chart and the table (the number itself when absent). */
  display?: string;
  /** Marks the label with its language when it is not the UI's (a title in its original language). */
  lang?: string;
  /** A second line under the label (a session's day and time), in the UI language. */
  detail?: string;
}

function Label({ d }: { d: Datum }) {
  return (
    <>
      <bdi {...(d.lang ? langAttrs(d.lang, true) : {})}>{d.label}</bdi>
      {d.detail ? <span className="cell-note">{d.detail}</span> : null}
    </>
  );
}

/**
 * A horizontal bar chart with the same numbers as a table. The bars are decorative (hidden from
 * assistive technology); the table is always there for screen readers, and shown on request
 * ("Table view") for everyone.
 */
export function BarChart({
  title,
  data,
  valueLabel,
  total,
  level = 3,
  emptyText,
  note,
  scale,
}: {
  title: string;
  data: Datum[];
  /** Header of the value column. */
  valueLabel: string;
  /** When given, the table has a share column (value / total). */
  total?: number;
  level?: 2 | 3;
  emptyText?: string;
  note?: string;
  /** The value of a full bar (the largest value when absent), e.g. 5 for ratings out of 5. */
  scale?: number;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const max = scale ?? Math.max(1, ...data.map((d) => d.value));
  const Heading = level === 2 ? "h2" : "h3";
  const show = (d: Datum) => d.display ?? formatNumber(d.value);
  return (
    <figure className="chart" aria-labelledby={headingId}>
      <div className="bar-list-head">
        <Heading className="h3" id={headingId}>
          {title}
        </Heading>
        {data.length ? (
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
      {note ? <p className="hint">{note}</p> : null}
      {data.length === 0 ? (
        <p className="muted">{emptyText ?? t("diversity.none")}</p>
      ) : (
        <>
          {asTable ? null : (
            <div className="chart-bars" aria-hidden="true">
              {data.map((d) => (
                <div key={d.key} className="chart-row">
                  <span className="bar-label">
                    <Label d={d} />
                  </span>
                  <span className="bar-track">
                    <span className="bar" style={{ inlineSize: `${(d.value / max) * 100}%` }} />
                  </span>
                  <span className="bar-count">{show(d)}</span>
                </div>
              ))}
            </div>
          )}
          <TableBox visible={asTable} label={title}>
            <table className="compact-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{title}</th>
                  <th scope="col">{valueLabel}</th>
                  {total != null ? <th scope="col">{t("diversity.share")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">
                      <Label d={d} />
                    </th>
                    <td>{show(d)}</td>
                    {total != null ? <td>{formatPercent(total ? d.value / total : null)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
    </figure>
  );
}

/** Key figures as large numbers with a short label and an optional note. */
export function KeyFigures({
  items,
}: {
  items: Array<{ key: string; label: string; value: string; note?: string }>;
}) {
  return (
    <dl className="stats key-figures">
      {items.map((i) => (
        <div className="stat" key={i.key} data-figure={i.key}>
          <dt>{i.label}</dt>
          <dd>
            <span className="stat-value">{i.value}</span>
            {i.note ? <span className="stat-note">{i.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A table that may scroll sideways on a small screen: the scrolling box can take the keyboard
 * focus (arrow keys scroll it) and is announced by the table's name.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

/** The chart's table: in a scrolling region when shown, visually hidden (still read) otherwise. */
function TableBox({ visible, label, children }: { visible: boolean; label: string; children: ReactNode }) {
  if (visible) return <ScrollTable label={label}>{children}</ScrollTable>;
  return <div className="visually-hidden">{children}</div>;
}
