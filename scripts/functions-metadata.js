/**
 * Post-processing of the functions.json that custom-functions-metadata generates.
 *
 * The ESG functions take error cells as inputs and propagate them per cell (src/functions/args.ts,
 * errors.ts `inputFault`). Excel passes an error cell to an `any` parameter only when the metadata's
 * top-level `allowErrorForDataTypeAny` is true (docs/excel/custom-functions-json.md: default false);
 * otherwise it shows #VALUE! without calling the function. The generator writes
 * `allowCustomDataForDataTypeAny` but has no JSDoc tag for `allowErrorForDataTypeAny`
 * (custom-functions-metadata lib/generate.js), so the build adds it here.
 *
 * CommonJS so that webpack.config.js and the jest tests load the same code.
 */

/** The metadata with error inputs allowed for its `any` parameters. */
function withErrorInputs(metadata) {
  if (!metadata || !Array.isArray(metadata.functions))
    throw new Error("functions metadata: no functions array");
  return { ...metadata, allowErrorForDataTypeAny: true };
}

/**
 * Webpack plugin: rewrites `asset` (functions.json, added by CustomFunctionsMetadataPlugin when the
 * compilation starts) with withErrorInputs, before FunctionsLocalePlugin derives the localized file.
 */
class FunctionsMetadataPlugin {
  constructor({ asset = "functions.json" } = {}) {
    this.asset = asset;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_PRE_PROCESS },
        () => {
          const asset = compilation.getAsset(this.asset);
          if (!asset) {
            compilation.errors.push(
              new WebpackError(`FunctionsMetadataPlugin: ${this.asset} was not generated`),
            );
            return;
          }
          try {
            const metadata = withErrorInputs(JSON.parse(asset.source.source().toString()));
            compilation.updateAsset(this.asset, new sources.RawSource(JSON.stringify(metadata, null, 4)));
          } catch (e) {
            compilation.errors.push(
              new WebpackError(`FunctionsMetadataPlugin: ${e instanceof Error ? e.message : String(e)}`),
            );
          }
        },
      );
    });
  }
}

module.exports = { withErrorInputs, FunctionsMetadataPlugin };
