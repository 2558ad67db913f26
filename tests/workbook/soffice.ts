/**
 * LibreOffice headless for the tests: convert a workbook with a private user profile per call (so
 * parallel tests never share one), optionally forcing a full recalculation when the file is loaded.
 */
import { execFile } from "child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";

export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    for (const exe of ["soffice", "libreoffice"]) {
      try {
        readdirSync(dir).includes(exe);
        if (readdirSync(dir).includes(exe)) return join(dir, exe);
      } catch {
        /* unreadable PATH entry */
      }
    }
  }
  return null;
}

/**
 * Calc's "Recalculation on file load" for Excel 2007+ files is "never" by default, which would make the
 * round trip echo our cached values. OOXMLRecalcMode 0 = always (officecfg Calc.xcs, Formula/Load).
 */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Convert `input` (named with its extension) to `to` ("xlsx", "csv:…", "fods"); returns the output bytes. */
export async function convert(
  input: Buffer,
  inputName: string,
  to: string,
  options: { recalc?: boolean } = {},
): Promise<Buffer> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("soffice not found");
  const work = mkdtempSync(join(tmpdir(), "lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  if (options.recalc) writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const inDir = join(work, "in");
  const outDir = join(work, "out");
  mkdirSync(inDir);
  mkdirSync(outDir);
  writeFileSync(join(inDir, inputName), input);
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--headless",
          "--norestore",
          "--convert-to",
          to,
          "--outdir",
          outDir,
          join(inDir, inputName),
        ],
        { timeout: 120_000 },
        (err, _stdout, stderr) =>
          err ? reject(new Error(`soffice failed: ${err.message} ${stderr}`)) : resolve(),
      );
    });
    const produced = readdirSync(outDir);
    if (produced.length !== 1) throw new Error(`soffice produced ${produced.length} files`);
    return readFileSync(join(outDir, produced[0]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
