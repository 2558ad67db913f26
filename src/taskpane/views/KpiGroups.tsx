import * as React from "react";
import { ASPECTS, getKpi, type AspectCode } from "../../esg/catalog";
import type { Lang } from "../../esg/types";
import type { KpiRow } from "./useKpisView";

/**
 * The KPIs grouped by aspect in catalogue order (A1 → B8, then Part D), each group collapsible (a
 * native details/summary: keyboard and screen-reader support come with it), open by default.
 */
export function KpiGroups(props: {
  readonly rows: readonly KpiRow[];
  readonly lang: Lang;
  readonly classes: Record<"list" | "item" | "subheading" | "facts" | "figure" | "minor", string>;
  readonly words: Record<"value" | "prior" | "change" | "formula", string>;
}): React.JSX.Element {
  const { rows, lang, classes, words } = props;
  const groups = ASPECTS.map((a) => ({
    aspect: a,
    rows: rows.filter((r) => (getKpi(r.kpi)?.aspect ?? (r.kpi.slice(0, 2) as AspectCode)) === a.code),
  })).filter((g) => g.rows.length > 0);
  return (
    <>
      {groups.map(({ aspect, rows: rs }) => (
        <details key={aspect.code} open data-aspect={aspect.code}>
          <summary>
            {aspect.code} {aspect.title[lang]} ({rs.length})
          </summary>
          <ul className={classes.list} aria-label={`${aspect.code} ${aspect.title[lang]}`}>
            {rs.map((r) => (
              <li key={r.id} className={classes.item} data-kpi={r.id}>
                <h3 className={classes.subheading}>
                  {r.kpi} {r.label}
                </h3>
                <dl className={classes.facts}>
                  <dt>{words.value}</dt>
                  <dd className={classes.figure}>
                    {r.value} {r.unit}
                  </dd>
                  <dt>{words.prior}</dt>
                  <dd>{r.prior}</dd>
                  <dt>{words.change}</dt>
                  <dd>{r.change}</dd>
                  <dt>{words.formula}</dt>
                  <dd className={classes.minor}>{r.formula}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}

/** A formula in words with its long constants at 5 significant digits (10.1103333333333 → 10.11). */
export function readableFormula(text: string): string {
  return text.replace(/\d[\d,]*\.\d{5,}/g, (m) => {
    const n = Number(m.replace(/,/g, ""));
    return Number.isFinite(n) ? String(Number(n.toPrecision(5))) : m;
  });
}
