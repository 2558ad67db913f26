/**
 * @jest-environment jsdom
 */
/** The commands' result dialog page: shows the outcome from its query string as text, never as HTML. */
import { readFileSync } from "fs";
import { join } from "path";

function load(search: string): Document {
  const html = readFileSync(join(__dirname, "../../src/commands/dialog.html"), "utf8");
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, "");
  window.history.replaceState(null, "", `/dialog.html${search}`);
  jest.isolateModules(() => {
    require("../../src/commands/dialog");
  });
  return document;
}

describe("dialog.html", () => {
  it("shows the outcome in both languages, with its kind", () => {
    const doc = load("?kind=attention&en=Not+generated%3A+1+error&zh=%E6%9C%AA%E7%B7%A8%E8%A3%BD");
    expect(doc.getElementById("title")?.textContent).toBe("Needs attention 需要處理");
    expect(doc.getElementById("en")?.textContent).toBe("Not generated: 1 error");
    expect(doc.getElementById("zh")?.textContent).toBe("未編製");
    expect(doc.body.dataset.kind).toBe("attention");
    // Outside Office there is no parent to ask to close the dialog: no OK button.
    expect((doc.getElementById("ok") as HTMLButtonElement).hidden).toBe(true);
  });

  it("keeps markup in a message as text", () => {
    const doc = load("?kind=failed&en=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&zh=");
    expect(doc.getElementById("en")?.textContent).toBe("<img src=x onerror=alert(1)>");
    expect(doc.querySelector("img")).toBeNull();
    expect(doc.getElementById("title")?.textContent).toBe("Failed 失敗");
  });
});
