/** The files the build emits that the manifest may point at (tests/build checks that they are emitted). */
export const EMITTED = [
  "taskpane.html",
  "functions.js",
  "functions.json",
  "functions.zh-TW.json",
  "commands.html",
  "help.html",
  ...[16, 32, 64, 80, 128].map((s) => `assets/icon-${s}.png`),
];
