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
      <fieldset className={v.classes.stack}>
        <legend className={v.classes.subheading}>{s.sections}</legend>
        <div className={v.classes.sections}>
          {v.sections.map((sec) => (
            <Checkbox key={sec.code} label={sec.label} checked={sec.checked} onChange={sec.onChange} />
          ))}
        </div>
      </fieldset>
      <Field label={s.language}>
        <RadioGroup value={c.language} onChange={v.onLanguage} layout="horizontal">
          <Radio value="zh-HK" label={s.langZh} />
          <Radio value="en" label={s.langEn} />
          <Radio value="both" label={s.langBoth} />
        </RadioGroup>
      </Field>
      <Field label={s.mode}>
        <RadioGroup value={c.valuesOnly ? "values" : "live"} onChange={v.onMode} layout="horizontal">
          <Radio value="live" label={s.live} />
          <Radio value="values" label={s.valuesOnly} />
        </RadioGroup>
      </Field>
      {v.blocked && (
        <MessageBar intent="error">
          <MessageBarBody>{s.blocked(v.state.errorCount)}</MessageBarBody>
        </MessageBar>
      )}
      {v.blocked && (
        <div className={v.classes.stack}>
          <Checkbox label={s.accept} checked={c.accepted} onChange={v.onAccept} />
          <Field label={s.note} hint={s.noteHint} required={c.accepted}>
            <Textarea value={c.note} onChange={v.onNote} disabled={!c.accepted} resize="vertical" />
          </Field>
        </div>
      )}
      {v.noSections && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.noSections}</MessageBarBody>
        </MessageBar>
      )}
      <div className={v.classes.row}>
        <Button appearance="primary" disabled={!v.state.canGenerate} onClick={v.onGenerate}>
          {v.working ? s.working : s.button}
        </Button>
      </div>
      {(v.working || v.written.length > 0) && (
        <Field label={s.progress} validationState="none">
          <ProgressBar value={v.progress} max={1} thickness="large" />
        </Field>
      )}
      {v.written.length > 0 && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.done(v.written.length)}</MessageBarTitle>
            {v.replacedCount > 0 && <span> {s.replaced(v.replacedCount)}</span>}
            <ul className={v.classes.list} aria-label={s.done(v.written.length)}>
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
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.failed}</MessageBarTitle>
            {v.failure}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
