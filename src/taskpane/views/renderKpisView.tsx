import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { KpisViewState } from "./useKpisView";

export function renderKpisView(v: KpisViewState): React.JSX.Element {
  const s = v.state.strings.kpis;
  return (
    <section className={v.classes.stack} aria-labelledby="kpis-heading">
      <h2 id="kpis-heading" className={v.classes.heading}>
        {s.heading}
      </h2>
      <Table size="small" className={v.classes.table} aria-labelledby="kpis-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>KPI</TableHeaderCell>
            <TableHeaderCell className={v.classes.numeric}>{s.value}</TableHeaderCell>
            <TableHeaderCell className={v.classes.numeric}>{s.prior}</TableHeaderCell>
            <TableHeaderCell className={v.classes.numeric}>{s.change}</TableHeaderCell>
            <TableHeaderCell>{s.formula}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.rows.map((r) => (
            <TableRow key={r.id} data-kpi={r.id}>
              <TableCell>
                <strong>{r.kpi}</strong> {r.label}
              </TableCell>
              <TableCell className={v.classes.numeric}>
                {r.value} {r.unit}
              </TableCell>
              <TableCell className={v.classes.numeric}>{r.prior}</TableCell>
              <TableCell className={v.classes.numeric}>{r.change}</TableCell>
              <TableCell className={v.classes.minor}>{r.formula}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
