import * as React from "react";
import type { KpisViewState } from "./useKpisView";

export function renderKpisView(v: KpisViewState): React.JSX.Element {
  const s = v.state.strings.kpis;
  return (
    <section className={v.classes.stack} aria-labelledby="kpis-heading">
      <h2 id="kpis-heading" className={v.classes.heading}>
        {s.heading}
      </h2>
      <ul className={v.classes.list} aria-labelledby="kpis-heading">
        {v.rows.map((r) => (
          <li key={r.id} className={v.classes.item} data-kpi={r.id}>
            <h3 className={v.classes.subheading}>
              {r.kpi} {r.label}
            </h3>
            <dl className={v.classes.facts}>
              <dt>{s.value}</dt>
              <dd className={v.classes.figure}>
                {r.value} {r.unit}
              </dd>
              <dt>{s.prior}</dt>
              <dd>{r.prior}</dd>
              <dt>{s.change}</dt>
              <dd>{r.change}</dd>
              <dt>{s.formula}</dt>
              <dd className={v.classes.minor}>{r.formula}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
