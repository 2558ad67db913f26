/**
 * An output replaced only with --force is checked again once its lock is held (save.ts lockNewOutput):
 * a run that finished between another run's first check and its lock has written the file, and the
 * second run must refuse rather than silently replace it (issue 15, two writers).
 */
import { promises as fs, existsSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { lockNewOutput } from "../../src/workbook/xlsx/save";

afterEach(() => jest.restoreAllMocks());

test("the output written by another run between the first check and the lock is refused, and the lock released", async () => {
  const dir = mkdtempSync(join(tmpdir(), "save-lock-"));
  const out = join(dir, "book.xlsx");
  const lstat = fs.lstat.bind(fs);
  let checks = 0;
  jest.spyOn(fs, "lstat").mockImplementation(async (...args: Parameters<typeof fs.lstat>) => {
    const answer = lstat(...args);
    // The first look at the output finds nothing; then the other run finishes and writes it.
    if (args[0] === out && checks++ === 0) {
      await answer.catch(() => undefined);
      writeFileSync(out, "the other run's workbook");
    }
    return answer;
  });
  await expect(lockNewOutput(out, false)).rejects.toThrow(/already exists: add --force/);
  expect(checks).toBe(2);
  expect(readdirSync(dir)).toEqual(["book.xlsx"]);
});

test("with --force, or with no output yet, the lock is taken and released", async () => {
  const dir = mkdtempSync(join(tmpdir(), "save-lock-"));
  const out = join(dir, "book.xlsx");
  const release = await lockNewOutput(out, false);
  expect(readdirSync(dir).some((f) => f.includes("esg-lock"))).toBe(true);
  await release();
  writeFileSync(out, "x");
  await expect(lockNewOutput(out, false)).rejects.toThrow(/already exists/);
  const forced = await lockNewOutput(out, true);
  await forced();
  expect(readdirSync(dir)).toEqual(["book.xlsx"]);
  expect(existsSync(out)).toBe(true);
});
