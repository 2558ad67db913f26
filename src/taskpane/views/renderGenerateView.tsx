import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Textarea,
} from "@fluentui/react-components";
import type { GenerateViewState } from "./useGenerateView";

export function renderGenerateView(v: GenerateViewState): React.JSX.Element {
  const s = v.state.strings.generate;
  const c = v.state.choices;
  return (
    <section className={v.classes.stack} aria-labelledby="generate-heading">
      <h2 id="generate-heading" className={v.classes.heading}>
        {s.heading}
      </h2>
      <fieldset className={v.classes.fieldset}>
        <legend className={v.classes.subheading}>{s.sections}</legend>
        <div className={v.classes.sections}>
          {v.sections.map((sec) => (
            <Checkbox
              key={sec.code}
              className={v.classes.check}
              label={sec.label}
              checked={sec.checked}
              onChange={sec.onChange}
            />
          ))}
        </div>
      </fieldset>
      <Field label={s.language}>
        <RadioGroup
          className={v.classes.radios}
          value={c.language}
          onChange={v.onLanguage}
          layout="horizontal"
        >
          <Radio value="zh-HK" label={s.langZh} />
          <Radio value="en" label={s.langEn} />
          <Radio value="both" label={s.langBoth} />
        </RadioGroup>
      </Field>
      <Field label={s.mode}>
        <RadioGroup
          className={v.classes.radios}
          value={c.valuesOnly ? "values" : "live"}
          onChange={v.onMode}
          layout="horizontal"
        >
          <Radio value="live" label={s.live} />
          <Radio value="values" label={s.valuesOnly} />
        </RadioGroup>
      </Field>
      <Checkbox className={v.classes.check} label={s.charts} checked={c.charts} onChange={v.onCharts} />
      {v.blocked && (
        <MessageBar intent="error" aria-labelledby="generate-blocked">
          <MessageBarBody id="generate-blocked">{s.blocked(v.state.errorCount)}</MessageBarBody>
        </MessageBar>
      )}
      {v.blocked && (
        <div className={v.classes.stack}>
          <Checkbox className={v.classes.check} label={s.accept} checked={c.accepted} onChange={v.onAccept} />
          <Field label={s.note} hint={s.noteHint} required={c.accepted}>
            <Textarea
              className={v.classes.input}
              value={c.note}
              onChange={v.onNote}
              disabled={!c.accepted}
              resize="vertical"
            />
          </Field>
        </div>
      )}
      {v.noSections && (
        <MessageBar intent="warning" aria-labelledby="generate-no-sections">
          <MessageBarBody id="generate-no-sections">{s.noSections}</MessageBarBody>
        </MessageBar>
      )}
      <div className={v.classes.row}>
        {/* While working the button stays focusable (aria-disabled), so focus does not fall to <body>. */}
        <Button
          ref={v.buttonRef}
          appearance="primary"
          disabled={!v.state.canGenerate}
          disabledFocusable={v.working}
          onClick={v.onGenerate}
        >
          {v.working ? s.working : s.button}
        </Button>
      </div>
      {/* The one live region of the view: says when generation starts, ends or fails. */}
      <div role="status" aria-live="polite" aria-atomic="true" className={v.classes.visuallyHidden}>
        {v.announcement}
      </div>
      {(v.working || v.written.length > 0) && (
        <Field label={s.progress} validationState="none">
          <ProgressBar value={v.progress} max={1} thickness="large" />
        </Field>
      )}
      {v.written.length > 0 && (
        <MessageBar
          ref={v.resultRef}
          tabIndex={-1}
          className={v.classes.summary}
          intent="success"
          layout="multiline"
          aria-labelledby="generate-done"
          data-result="done"
        >
          <MessageBarBody>
            <MessageBarTitle id="generate-done">{s.done(v.written.length)}</MessageBarTitle>
            {v.replacedCount > 0 && <span> {s.replaced(v.replacedCount)}</span>}
            <ul className={v.classes.list} aria-labelledby="generate-done">
              {v.written.map((w) => (
                <li key={w.name}>
                  <Link as="button" onClick={w.onSelect}>
                    {w.name}
                  </Link>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {v.failure !== null && (
        <MessageBar
          ref={v.resultRef}
          tabIndex={-1}
          className={v.classes.summary}
          intent="error"
          aria-labelledby="generate-failed"
          data-result="failed"
        >
          <MessageBarBody>
            <MessageBarTitle id="generate-failed">{s.failed}</MessageBarTitle>
            {v.failure}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
