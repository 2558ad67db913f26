/**
 * Ranks a workbook's defined names by how likely each is to hold a metric: a pure score from token
 * overlap and edit distance, so the Data view can suggest the group's own name for a metric.
 */

/** Splits "HeadcountGender", "headcount_gender" or "Head count-gender" into lower-case tokens. */
export function tokens(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9\u4e00-\u9fff]+/)
    .filter((t) => t !== "");
}

/** Levenshtein distance (insert, delete, substitute), two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[b.length];
}

/** 0…1: 1 for the same text (case and separators ignored). */
export function similarity(target: string, candidate: string): number {
  const a = tokens(target);
  const b = tokens(candidate);
  if (a.length === 0 || b.length === 0) return 0;
  const flatA = a.join("");
  const flatB = b.join("");
  const edit = 1 - editDistance(flatA, flatB) / Math.max(flatA.length, flatB.length);
  // Token overlap: a token counts when the other side has it or one is a prefix of the other (≥ 3 letters).
  const near = (t: string, list: readonly string[]): boolean =>
    list.some((u) => u === t || (Math.min(t.length, u.length) >= 3 && (u.startsWith(t) || t.startsWith(u))));
  const overlap =
    (a.filter((t) => near(t, b)).length + b.filter((t) => near(t, a)).length) / (a.length + b.length);
  return Math.round((0.6 * overlap + 0.4 * edit) * 1000) / 1000;
}

export interface Suggestion {
  readonly name: string;
  readonly score: number;
}

/**
 * Candidate names ranked best first against every target (a metric's default name and its English
 * label); the best score over targets counts. Ties keep alphabetical order; scores under `min` are dropped.
 */
export function rankNames(
  targets: readonly string[],
  names: readonly string[],
  limit = 5,
  min = 0.3,
): Suggestion[] {
  return names
    .map((name) => ({ name, score: Math.max(0, ...targets.map((t) => similarity(t, name))) }))
    .filter((s) => s.score >= min)
    .sort((x, y) => y.score - x.score || x.name.localeCompare(y.name))
    .slice(0, limit);
}
