import * as React from "react";
import { Button, Field, mergeClasses, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import type { GridFixesState } from "./useGridFixes";

/**
 * One card per GridRegion cell to fix: the finding, what the cell holds, a labelled list of the accepted
 * grids (grouped: grids, Hong Kong's power companies, provinces) and a button that writes the choice into
 * that cell. The outcome is a MessageBar that takes focus once the card has gone.
 *
 * The list is Fluent's Select (a native <select> with <optgroup>s), as the Data view's name pickers are:
 * keyboard, type-ahead and screen readers come from the platform, and it adds nothing to the bundle,
 * where Fluent's Dropdown (listbox, options, positioning) made taskpane.js 24.1 KB larger gzipped
 * (225.8 → 249.9 KB, measured on the production build).
 */
export function renderGridFixes(v: GridFixesState): React.JSX.Element | null {
  const s = v.state.strings.gridFix;
  const { write } = v;
  if (v.fixes.length === 0 && write.kind !== "written" && write.kind !== "failed") return null;
  return (
    <section className={v.classes.stack} aria-labelledby="grid-fix-heading" data-grid-fixes="">
      <h3 id="grid-fix-heading" className={v.classes.subheading}>
        {s.heading}
      </h3>
      <div ref={v.status} tabIndex={-1} className={v.classes.summary}>
        {write.kind === "written" && (
          <MessageBar intent="success" aria-labelledby="grid-fix-status">
            <MessageBarBody id="grid-fix-status">{s.written(write.value, write.location)}</MessageBarBody>
          </MessageBar>
        )}
        {write.kind === "failed" && (
          <MessageBar intent="error" aria-labelledby="grid-fix-status">
            <MessageBarBody id="grid-fix-status">{s.failed(write.message)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {v.fixes.length > 0 && <p className={mergeClasses(v.classes.prose, v.classes.minor)}>{s.intro}</p>}
      <ul className={v.classes.list} aria-labelledby="grid-fix-heading">
        {v.fixes.map((f) => {
          const value = v.chosen[f.location];
          const writing = write.kind === "writing" && write.location === f.location;
          return (
            <li
              key={f.location}
              className={mergeClasses(
                v.classes.item,
                v.classes.card,
                f.finding.severity === "error" ? v.classes.badEdge : v.classes.warnEdge,
              )}
              data-grid-fix={f.location}
            >
              <p className={v.classes.prose}>{f.finding.message[v.state.lang]}</p>
              <p className={mergeClasses(v.classes.prose, v.classes.minor)}>
                {f.text === "" ? s.blank : s.current(f.text)}
              </p>
              <Field label={s.pickerFor(f.sheet, f.cell)}>
                <Select className={v.classes.picker} value={value ?? ""} onChange={v.onSelect(f.location)}>
                  <option value="" disabled>
                    {s.placeholder}
                  </option>
                  {v.groups.map((g) => (
                    <optgroup key={g.key} label={g.label}>
                      {g.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.text}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
              </Field>
              <div className={v.classes.row}>
                <Button
                  appearance="primary"
                  disabledFocusable={value === undefined || write.kind === "writing"}
                  onClick={() => void v.onWrite(f.location)}
                >
                  {writing ? s.writing : s.write(f.cell)}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
