import * as React from "react";
import { Button, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { ruleFor } from "../../esg/catalog";
import { readStatements, type DisclosureStatement, type IndexStatus } from "../../esg/disclosures/statements";
import type { Bilingual, Lang } from "../../esg/types";
import { configWrite, workbookConfig } from "../config";
import { usePaneContext } from "../PaneContext";
import { useViewStyles } from "../usePaneStyles.styles";
import { renderSaveStatus } from "./renderSaveStatus";

/**
 * The group's own word in the content index (the workbook's ESG_Disclosures table), one KPI at a time:
 * a status that overrides the one the index works out, the reason for an "Explain" or "Not applicable"
 * and where in the report a narrative KPI is described, in English and Chinese. Saved with the
 * configuration sheet, as ESG_Mapping and ESG_Settings are.
 */
const TEXT: Readonly<Record<Lang, Record<string, string>>> = {
  en: {
    heading: "Content index statements",
    hint: "What the content index says for a KPI beyond the figures: saved in the workbook (ESG_Disclosures).",
    kpi: "KPI",
    status: "Status",
    auto: "As the figures show",
    reasonEn: "Reason (English)",
    reasonZh: "Reason (Chinese)",
    whereEn: "Where in the report (English)",
    whereZh: "Where in the report (Chinese)",
    save: "Save statements",
    saving: "Saving…",
    saved: "Statements saved in the workbook (ESG_Disclosures).",
  },
  "zh-HK": {
    heading: "內容索引說明",
    hint: "內容索引中數據以外的說明：儲存於活頁簿（ESG_Disclosures）。",
    kpi: "關鍵績效指標",
    status: "狀態",
    auto: "按數據判斷",
    reasonEn: "原因（英文）",
    reasonZh: "原因（中文）",
    whereEn: "報告位置（英文）",
    whereZh: "報告位置（中文）",
    save: "儲存說明",
    saving: "儲存中…",
    saved: "說明已儲存於活頁簿（ESG_Disclosures）。",
  },
};

const STATUSES: readonly { value: IndexStatus; label: Bilingual }[] = [
  { value: "disclosed", label: { en: "Disclosed", "zh-HK": "已披露" } },
  { value: "partly", label: { en: "Partly disclosed", "zh-HK": "部分披露" } },
  { value: "not-applicable", label: { en: "Not applicable", "zh-HK": "不適用" } },
  { value: "explain", label: { en: "Explain", "zh-HK": "解釋" } },
  { value: "narrative", label: { en: "Narrative", "zh-HK": "描述" } },
];

type Draft = {
  status: IndexStatus | null;
  reasonEn: string;
  reasonZh: string;
  whereEn: string;
  whereZh: string;
};

const EMPTY: Draft = { status: null, reasonEn: "", reasonZh: "", whereEn: "", whereZh: "" };

function draftOf(s: DisclosureStatement | undefined): Draft {
  if (!s) return EMPTY;
  return {
    status: s.status,
    reasonEn: s.reason?.en ?? "",
    reasonZh: s.reason?.["zh-HK"] ?? "",
    whereEn: s.where?.en ?? "",
    whereZh: s.where?.["zh-HK"] ?? "",
  };
}

function statementOf(kpi: string, d: Draft): DisclosureStatement | null {
  const both = (en: string, zh: string): Bilingual | null =>
    en.trim() === "" && zh.trim() === "" ? null : { en: en.trim(), "zh-HK": zh.trim() };
  const reason = both(d.reasonEn, d.reasonZh);
  const where = both(d.whereEn, d.whereZh);
  if (d.status === null && !reason && !where) return null;
  return { kpi, status: d.status, reason, where };
}

type Save = { kind: "idle" | "saving" | "saved" } | { kind: "failed"; message: string };

export function DisclosuresEditor(): React.JSX.Element {
  const { host, read, lang, analysis, actions } = usePaneContext();
  const classes = useViewStyles();
  const t = TEXT[lang];
  const kpis = ruleFor(analysis?.snapshot.reportingYear ?? null).kpis;
  const stored = React.useMemo(() => (read ? readStatements(read).statements : new Map()), [read]);
  const [drafts, setDrafts] = React.useState<Record<string, Draft>>({});
  const [code, setCode] = React.useState(kpis[0]?.code ?? "");
  const [save, setSave] = React.useState<Save>({ kind: "idle" });
  const draft = drafts[code] ?? draftOf(stored.get(code));
  const kpi = kpis.find((k) => k.code === code);

  const edit = (patch: Partial<Draft>) => {
    setDrafts((d) => ({ ...d, [code]: { ...draft, ...patch } }));
    setSave({ kind: "idle" });
  };

  const onSave = async (): Promise<void> => {
    setSave({ kind: "saving" });
    try {
      const fresh = await host.workbook.read();
      const current = new Map(readStatements(fresh).statements);
      for (const [k, d] of Object.entries(drafts)) {
        const s = statementOf(k, d);
        if (s) current.set(k, s);
        else current.delete(k);
      }
      const config = workbookConfig(fresh, {}, {}, [...current.values()]);
      const { sheets, history } = configWrite(config, new Date().toISOString(), host.workbook.kind);
      await host.workbook.write(sheets, history);
      setDrafts({});
      await actions.reload();
      setSave({ kind: "saved" });
    } catch (e) {
      setSave({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className={classes.stack} aria-labelledby="disclosures-heading">
      <h3 id="disclosures-heading" className={classes.heading}>
        {t.heading}
      </h3>
      <p>{t.hint}</p>
      <Field label={t.kpi} hint={kpi?.wording[lang]}>
        <Select className={classes.input} value={code} onChange={(_e, data) => setCode(data.value)}>
          {kpis.map((k) => (
            <option key={k.code} value={k.code}>
              {k.code}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.status}>
        <Select
          className={classes.input}
          value={draft.status ?? ""}
          onChange={(_e, data) => edit({ status: data.value === "" ? null : (data.value as IndexStatus) })}
        >
          <option value="">{t.auto}</option>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.reasonEn}>
        <Textarea
          className={classes.input}
          value={draft.reasonEn}
          onChange={(_e, data) => edit({ reasonEn: data.value })}
        />
      </Field>
      <Field label={t.reasonZh}>
        <Textarea
          className={classes.input}
          value={draft.reasonZh}
          onChange={(_e, data) => edit({ reasonZh: data.value })}
        />
      </Field>
      <Field label={t.whereEn}>
        <Input
          className={classes.input}
          value={draft.whereEn}
          onChange={(_e, data) => edit({ whereEn: data.value })}
        />
      </Field>
      <Field label={t.whereZh}>
        <Input
          className={classes.input}
          value={draft.whereZh}
          onChange={(_e, data) => edit({ whereZh: data.value })}
        />
      </Field>
      <div className={classes.row}>
        <Button appearance="primary" onClick={() => void onSave()} disabled={save.kind === "saving"}>
          {save.kind === "saving" ? t.saving : t.save}
        </Button>
      </div>
      {renderSaveStatus(
        "disclosures-save-status",
        save.kind === "saved",
        t.saved,
        save.kind === "failed" ? save.message : null,
      )}
    </section>
  );
}
