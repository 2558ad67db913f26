import * as React from "react";
import { Button, Select } from "@fluentui/react-components";
import { renderSaveStatus } from "./renderSaveStatus";
import type { DataViewState } from "./useDataView";
import { GridFixes } from "./GridFixes";

/**
 * One card per metric, stacked so it fits a 320 px pane: the metric and its status, the named-range picker
 * (as wide as the card, never wider), then the value with its unit.
 */
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
      {renderSaveStatus("data-save-status", v.saved, s.saved, v.saveError)}
      <GridFixes />
      <ul className={v.classes.list} aria-labelledby="data-heading">
        {v.rows.map((r) => (
          <li key={r.id} className={v.cardClass(r.status)} data-metric={r.id}>
            <div className={v.classes.cardHead}>
              <h3 className={v.classes.subheading}>{r.label}</h3>
              <span className={v.statusClass(r.status)} data-status={r.status}>
                <span className={v.classes.visuallyHidden}>{s.status}: </span>
                {r.statusText}
              </span>
            </div>
            <Select
              size="small"
              className={v.classes.picker}
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
            <dl className={v.classes.facts}>
              <dt>{s.value}</dt>
              <dd>
                <span className={v.classes.figure}>{r.value}</span>
                {r.unit !== "" && <span className={v.classes.minor}> {r.unit}</span>}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
