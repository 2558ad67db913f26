/** What views.js holds: the views loaded on demand (lazy-views.ts). */
export { ChecksView } from "./ChecksView";
export { GenerateView } from "./GenerateView";
export { KpisView } from "./KpisView";
export { SettingsView } from "./SettingsView";
