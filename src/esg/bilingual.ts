/** The one bilingual constructor: a text in English and Traditional Chinese (Hong Kong). */
import type { Bilingual } from "./types";

export const bi = (en: string, zh: string): Bilingual => ({ en, "zh-HK": zh });
