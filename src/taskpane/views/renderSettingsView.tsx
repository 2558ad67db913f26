import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { DisclosuresEditor } from "./DisclosuresEditor";
import { seriesLabel } from "./series-labels";
import { renderSaveStatus } from "./renderSaveStatus";
import type { SettingsViewState } from "./useSettingsView";

export function renderSettingsView(v: SettingsViewState): React.JSX.Element {
  const s = v.state.strings.settings;
  return (
    <section className={v.classes.stack} aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={v.classes.heading}>
        {s.heading}
      </h2>
      <Field label={s.yoy} hint={s.yoyHint} validationState={v.yoyInvalid ? "error" : "none"}>
        <Input
          className={v.classes.input}
          type="text"
          inputMode="decimal"
          value={v.yoyText}
          onChange={v.onYoy}
        />
      </Field>
      <Field label={s.turnover}>
        <RadioGroup value={v.turnoverMethod} onChange={v.onTurnover}>
          <Radio value="average" label={s.turnoverAverage} />
          <Radio value="closing" label={s.turnoverClosing} />
        </RadioGroup>
      </Field>
      <Field label={s.training}>
        <RadioGroup value={v.trainingReading} onChange={v.onTraining}>
          <Radio value="share-of-category" label={s.trainingShare} />
          <Radio value="split-of-trained" label={s.trainingSplit} />
        </RadioGroup>
      </Field>
      <Field label={s.gridSeries}>
        <Select className={v.classes.input} value={v.gridSeries} onChange={v.onSeries}>
          {v.series.map((x) => (
            <option key={x} value={x}>
              {seriesLabel(x, v.state.lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.gridYear} hint={s.gridYearHint}>
        <Select className={v.classes.input} value={v.gridYear} onChange={v.onYear}>
          <option value="">{s.latest}</option>
          {v.years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <div className={v.classes.row}>
        <Button appearance="primary" onClick={v.onSave} disabled={v.saving || v.yoyInvalid}>
          {v.saving ? v.state.strings.saving : s.save}
        </Button>
      </div>
      {renderSaveStatus("settings-save-status", v.saved, s.saved, v.saveError)}
      <DisclosuresEditor />
    </section>
  );
}
