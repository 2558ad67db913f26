/**
 * The dialog page of the ribbon commands (dialog.html): shows the outcome passed in its query string
 * (report.ts) in English and Traditional Chinese, as text only. OK asks the add-in to close the
 * dialog (Office.context.ui.messageParent, DialogApi 1.1).
 */
const params = new URLSearchParams(window.location.search);

function show(id: string, text: string): void {
  const el = document.getElementById(id);
  if (el) el.textContent = text;
}

const kind = params.get("kind") ?? "done";
show(
  "title",
  kind === "failed" ? "Failed 失敗" : kind === "attention" ? "Needs attention 需要處理" : "Done 完成",
);
show("en", params.get("en") ?? "");
show("zh", params.get("zh") ?? "");
document.body.dataset.kind = kind;

const ok = document.getElementById("ok");
if (ok && typeof Office !== "undefined") {
  void Office.onReady(() => {
    ok.addEventListener("click", () => Office.context.ui.messageParent("close"));
  });
} else if (ok) {
  ok.hidden = true;
}
