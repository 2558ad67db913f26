import type { Bilingual, Lang } from "../../esg/types";

/** Grid factor series as the Settings view names them (the ids stay in ESG_Settings). */
const SERIES: Readonly<Record<string, Bilingual>> = {
  "cn-mee-nbs": {
    en: "China MEE/NBS grid factors (statistics)",
    "zh-HK": "生態環境部、國家統計局電網因子（統計）",
  },
  "cn-mee-nbs-excl-market-non-fossil": {
    en: "MEE/NBS: excl. market-traded non-fossil",
    "zh-HK": "全國電網（不含市場化非化石能源）",
  },
  "cn-mee-nbs-fossil": {
    en: "China MEE/NBS: fossil power",
    "zh-HK": "生態環境部、國家統計局：化石能源電力",
  },
  "cn-ets": {
    en: "China carbon market grid factor (MEE)",
    "zh-HK": "全國碳市場電網排放因子（生態環境部）",
  },
};

export function seriesLabel(id: string, lang: Lang): string {
  return SERIES[id]?.[lang] ?? id;
}
