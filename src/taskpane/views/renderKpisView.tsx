import * as React from "react";
import { KpiGroups } from "./KpiGroups";
import type { KpisViewState } from "./useKpisView";

export function renderKpisView(v: KpisViewState): React.JSX.Element {
  const s = v.state.strings.kpis;
  return (
    <section className={v.classes.stack} aria-labelledby="kpis-heading">
      <h2 id="kpis-heading" className={v.classes.heading}>
        {s.heading}
      </h2>
      <KpiGroups rows={v.rows} lang={v.state.lang} classes={v.classes} words={s} />
    </section>
  );
}
