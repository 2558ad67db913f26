/**
 * Parts left behind when sheets go: a replaced or removed sheet's relationships go with it (OPC, ECMA-376
 * Part 2 §9.3), and with them whatever only they reached — its drawing, the drawing's charts, the
 * charts' style and colour parts, images. A part that a surviving part still refers to (an image two
 * drawings share, say) stays. Parts are found through internal relationships only; external targets
 * are not parts of the package.
 */
import { relsOf, relsPathOf, resolveTarget, type OpenPackage } from "./package";

const RELS_PART = /(^|\/)_rels\/([^/]*)\.rels$/;

/** The part a relationships part belongs to: xl/_rels/workbook.xml.rels → xl/workbook.xml, _rels/.rels → "". */
function ownerOf(relsPath: string): string | null {
  const m = RELS_PART.exec(relsPath);
  if (!m) return null;
  const dir = relsPath.slice(0, m.index + m[1].length);
  return `${dir}${m[2]}`;
}

function targetsOf(pkg: OpenPackage, part: string): string[] {
  if (!pkg.zip.byName.has(relsPathOf(part))) return [];
  return relsOf(pkg, part)
    .filter((r) => !r.external && r.target)
    .map((r) => resolveTarget(part, r.target))
    .filter((p) => pkg.zip.byName.has(p));
}

/**
 * The parts only `going` (parts whose relationships are dropped) reach, directly or through each other,
 * and that no other part's relationships reach. `protectedParts` (the sheets the workbook keeps) never
 * count as orphans.
 */
export function orphanedParts(
  pkg: OpenPackage,
  going: Iterable<string>,
  protectedParts: ReadonlySet<string>,
): Set<string> {
  const goingSet = new Set(going);
  const candidates = new Set<string>();
  const queue: string[] = [];
  for (const part of goingSet) queue.push(...targetsOf(pkg, part));
  while (queue.length) {
    const part = queue.pop()!;
    if (candidates.has(part) || goingSet.has(part) || protectedParts.has(part)) continue;
    candidates.add(part);
    queue.push(...targetsOf(pkg, part));
  }
  if (!candidates.size) return candidates;
  // What the surviving parts reach among the candidates, and what those reach in turn.
  const reached = new Set<string>();
  for (const name of pkg.zip.byName.keys()) {
    const owner = ownerOf(name);
    if (owner === null || goingSet.has(owner) || candidates.has(owner)) continue;
    let targets: string[];
    try {
      targets = targetsOf(pkg, owner);
    } catch {
      // A relationships part we cannot read might refer to any of them: keep them all.
      return new Set();
    }
    for (const t of targets) if (candidates.has(t)) queue.push(t);
  }
  while (queue.length) {
    const part = queue.pop()!;
    if (reached.has(part)) continue;
    reached.add(part);
    for (const t of targetsOf(pkg, part)) if (candidates.has(t)) queue.push(t);
  }
  for (const part of reached) candidates.delete(part);
  return candidates;
}
