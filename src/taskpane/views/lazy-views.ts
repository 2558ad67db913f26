/**
 * The views the pane does not show on its first paint (Checks, KPIs, Generate, Settings). They are one
 * chunk, views.js, that webpack loads when one of their tabs is first opened and prefetches once the
 * page has loaded, so the pane's first load carries the Data view only (bench taskpane_js_gzip_kb).
 */
import * as React from "react";
import type { TabValue } from "../Pane.types";

export type LazyTab = Exclude<TabValue, "data">;
type View = () => React.JSX.Element;
export type LazyViews = Readonly<Record<LazyTab, React.LazyExoticComponent<View>>>;

const views = (): Promise<typeof import("./views-chunk")> =>
  import(/* webpackChunkName: "views", webpackPrefetch: true */ "./views-chunk");

/**
 * A fresh set of lazy views. React.lazy keeps a failed import for good, so retrying after a failed
 * load (the server unreachable) takes a new set; webpack itself requests a failed chunk again.
 */
export function lazyViews(): LazyViews {
  const view = (pick: (m: typeof import("./views-chunk")) => View): React.LazyExoticComponent<View> =>
    React.lazy(() => views().then((m) => ({ default: pick(m) })));
  return {
    checks: view((m) => m.ChecksView),
    kpis: view((m) => m.KpisView),
    generate: view((m) => m.GenerateView),
    settings: view((m) => m.SettingsView),
  };
}
