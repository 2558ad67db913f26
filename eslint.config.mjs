// ESLint 9 flat config: typescript-eslint for the language, eslint-plugin-office-addins for the
// Excel JavaScript API's pitfalls (sync in a loop, read before load, null test instead of isNullObject).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "out/**", "coverage/**", "docs/**", "bin/**", ".scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "warn",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // src is strict: no `any`.
    files: ["src/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  {
    // The engine is pure: nothing from Office, React, Node or ExcelJS, and no host or front end at any
    // depth (gitignore-style patterns: "**/workbook/**" matches "../../../workbook/contract/a1").
    files: ["src/esg/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "fs/*", "path", "os", "child_process", "url", "util", "crypto", "stream", "zlib"], message: "src/esg is pure: no Node imports." },
            { group: ["exceljs", "exceljs/*", "jszip", "react", "react/*", "react-dom", "react-dom/*", "@fluentui/*", "@microsoft/*", "office-*"], message: "src/esg is pure." },
            {
              group: ["**/workbook", "**/workbook/**", "**/cli", "**/cli/**", "**/taskpane", "**/taskpane/**", "**/functions", "**/functions/**", "**/commands", "**/commands/**"],
              message: "src/esg imports no host and no front end.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "process", "require"],
    },
  },
  {
    // Use cases run the engine over the WorkbookHost contract: no host implementation, front end, Node or Office.
    files: ["src/use-cases/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process", "exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/*"], message: "src/use-cases run anywhere: no Node, ExcelJS, React or Office." },
            { group: ["**/workbook/office", "**/workbook/office/**", "**/workbook/xlsx", "**/workbook/xlsx/**", "**/cli/**", "**/taskpane/**", "**/functions/**", "**/commands/**"], message: "src/use-cases know the WorkbookHost contract (src/workbook/types.ts), not a host or a front end." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "process", "require"],
    },
  },
  {
    // The reference module is a leaf: it imports nothing but its own files.
    files: ["src/sheet-ref/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\./)", message: "src/sheet-ref is a leaf: it imports only its own files." }] },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "process", "require"],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
