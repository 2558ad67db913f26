import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ChecksViewState } from "./useChecksView";

export function renderChecksView(v: ChecksViewState): React.JSX.Element {
  const s = v.state.strings.checks;
  return (
    <section className={v.classes.stack} aria-labelledby="checks-heading">
      <h2 id="checks-heading" className={v.classes.heading}>
        {s.heading}
      </h2>
      <div className={v.classes.row}>
        <Button onClick={v.onReload}>{v.state.strings.reload}</Button>
      </div>
      <MessageBar intent={v.summaryIntent} role="status" aria-labelledby="checks-summary">
        <MessageBarBody id="checks-summary">{v.severities.length === 0 ? s.none : v.summary}</MessageBarBody>
      </MessageBar>
      {v.severities.map((sev) => (
        <section
          key={sev.severity}
          className={v.classes.stack}
          aria-labelledby={`sev-${sev.severity}`}
          data-severity={sev.severity}
        >
          <h3 id={`sev-${sev.severity}`} className={v.classes.subheading}>
            {sev.title}
          </h3>
          {sev.groups.map((g) => (
            <section key={g.kpi || "general"} aria-label={`${sev.title}: ${g.title}`}>
              <h4 className={v.classes.subheading}>{g.title}</h4>
              <ul className={v.classes.list}>
                {g.items.map((f) => (
                  <li key={f.key} className={v.classes.item}>
                    <div>{f.message}</div>
                    <div className={v.classes.minor}>{f.hint}</div>
                    {f.location !== null && (
                      <Link as="button" onClick={f.onSelect} aria-label={f.goTo}>
                        {f.location}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </section>
  );
}
