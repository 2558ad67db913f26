/**
 * Build of the add-in: a React task pane, the ESG custom functions and the ribbon commands, all in one
 * shared runtime. Microsoft has no template combining these, so this merges its React task pane
 * template with its shared-runtime custom functions template (see docs/ARCHITECTURE.md):
 *  - taskpane.html loads the taskpane, functions and commands bundles: that page is the shared runtime
 *    (manifest <Runtime resid="Taskpane.Url">), so functions and commands must be on it; dialog.html is
 *    where the ribbon commands show their result;
 *  - CustomFunctionsMetadataPlugin writes functions.json from src/functions/functions.ts and appends the
 *    CustomFunctions.associate calls; FunctionsMetadataPlugin adds allowErrorForDataTypeAny to it (the
 *    functions take error cells); FunctionsLocalePlugin derives functions.zh-TW.json from it;
 *  - the dev server (https://localhost:3000) takes its certificate from office-addin-dev-certs only when
 *    serving, so `npm run build` needs neither certificates nor network.
 * Set ADDIN_BASE_URL (e.g. https://esg.example.com/addin/) at build time to rewrite the manifest's
 * https://localhost:3000/ URLs for deployment.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FunctionsLocalePlugin } = require("./scripts/functions-locale.js");
const { FunctionsMetadataPlugin } = require("./scripts/functions-metadata.js");

const DEV_URL = "https://localhost:3000/";
const port = Number(process.env.npm_package_config_dev_server_port || 3000);

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = process.env.ADDIN_BASE_URL || DEV_URL;
  return {
    devtool: dev ? "source-map" : false, // no eval-based source maps: the page's CSP forbids eval
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      alias: {
        // @fluentui/react-context-selector imports `scheduler`, a peer dependency that npm installed only
        // under react-dom (node_modules/react-dom/node_modules/scheduler): use react-dom's own copy.
        scheduler: path.dirname(
          require.resolve("scheduler/package.json", {
            paths: [path.dirname(require.resolve("react-dom/package.json"))],
          }),
        ),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules for webpack (tsconfig says CommonJS for jest and the CLI): webpack then takes
              // Fluent UI's ES build and drops what the pane does not use.
              compilerOptions: { module: "esnext", sourceMap: dev },
            },
          },
        },
      ],
    },
    // The task pane and the ribbon commands share one page in the shared runtime (manifest
    // <Runtime resid="Taskpane.Url">), so the engine and the Office adapter they both import go into
    // one chunk the page loads once. functions.js stays whole: Excel's custom-functions runtime may
    // load it by itself. The views other than Data are views.js, loaded on demand (import() in
    // src/taskpane/views/lazy-views.ts); only the entries are split here.
    optimization: {
      splitChunks: {
        chunks: (chunk) => chunk.name === "taskpane" || chunk.name === "commands",
        minSize: 20000,
        // Group modules by chunk only. splitChunks.usedExports (on in production) groups them per runtime
        // and its used exports; the two entries are separate runtimes using different exports of the
        // catalog, the options and the grids, so a copy of each stayed in both taskpane.js and
        // commands.js (~10 KB gzipped).
        usedExports: false,
        cacheGroups: { defaultVendors: false, default: false, shared: { name: "shared", minChunks: 2, reuseExistingChunk: true } },
      },
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FunctionsMetadataPlugin({ asset: "functions.json" }),
      new FunctionsLocalePlugin({
        output: "functions.zh-TW.json",
        tablePath: path.resolve(__dirname, "src/functions/locales/zh-TW.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        // The ribbon commands' result dialog (Office.context.ui.displayDialogAsync, same origin).
        filename: "dialog.html",
        template: "./src/commands/dialog.html",
        chunks: ["dialog"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              baseUrl === DEV_URL ? content : Buffer.from(content.toString().split(DEV_URL).join(baseUrl)),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port,
          hot: false, // hot reload would need eval or inline scripts, which the CSP forbids
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() },
          static: { directory: path.resolve(__dirname, "dist") },
        }
      : undefined,
  };
};
