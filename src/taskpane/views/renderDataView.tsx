import * as React from "react";
import {
  Button,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { renderSaveStatus } from "./renderSaveStatus";
import type { DataViewState } from "./useDataView";

export function renderDataView(v: DataViewState): React.JSX.Element {
  const s = v.state.strings.data;
  return (
    <section className={v.classes.stack} aria-labelledby="data-heading">
      <h2 id="data-heading" className={v.classes.heading}>
        {s.heading}
      </h2>
      <div className={v.classes.row}>
        <Button appearance="primary" onClick={v.onSave} disabled={v.saving}>
          {v.saving ? v.state.strings.saving : s.save}
        </Button>
        <Button onClick={v.onReload}>{v.state.strings.reload}</Button>
      </div>
      {renderSaveStatus(v.saved, s.saved, v.saveError)}
      <Table size="small" className={v.classes.table} aria-labelledby="data-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>
              {s.metric} / {s.name}
            </TableHeaderCell>
            <TableHeaderCell className={v.classes.numeric}>
              {s.value} ({s.unit})
            </TableHeaderCell>
            <TableHeaderCell className={v.classes.status}>{s.status}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {v.rows.map((r) => (
            <TableRow key={r.id} data-metric={r.id}>
              <TableCell>
                <div className={v.classes.cellStack}>
                  <span>{r.label}</span>
                  <Select
                    size="small"
                    className={v.classes.select}
                    value={r.chosen}
                    onChange={r.onChange}
                    aria-label={s.nameFor(r.label)}
                  >
                    <option value="">{s.defaultName(r.defaultName)}</option>
                    {r.suggested.length > 0 && (
                      <optgroup label={s.suggested}>
                        {r.suggested.map((n) => (
                          <option key={n} value={n}>
                            {n}
                          </option>
                        ))}
                      </optgroup>
                    )}
                    {r.others.length > 0 && (
                      <optgroup label={s.otherNames}>
                        {r.others.map((n) => (
                          <option key={n} value={n}>
                            {n}
                          </option>
                        ))}
                      </optgroup>
                    )}
                  </Select>
                </div>
              </TableCell>
              <TableCell className={v.classes.numeric}>
                {r.value}
                {r.unit !== "" && <div className={v.classes.minor}>{r.unit}</div>}
              </TableCell>
              <TableCell className={v.statusClass(r.status)}>{r.statusText}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
