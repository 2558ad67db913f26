/** @jest-environment jsdom */
/**
 * The views other than Data load on demand (src/taskpane/views/lazy-views.ts): while their chunk is
 * fetched the pane shows a labelled spinner, and a failed fetch gives a message naming the error and
 * "Try again", which fetches again. ViewBoundary is the part around them.
 */
import "@testing-library/jest-dom";
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { STRINGS } from "../../src/taskpane/i18n";
import { ViewBoundary } from "../../src/taskpane/ViewBoundary";
import { seedReadClean } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { renderPane, SLOW } from "./pane-test-utils";

// How many of the next loads of the views' chunk fail, as when the add-in's server cannot be reached.
let mockChunkFailures = 0;
jest.mock("../../src/taskpane/views/views-chunk", () => {
  if (mockChunkFailures > 0) {
    mockChunkFailures -= 1;
    throw new Error("Loading chunk views failed.");
  }
  return jest.requireActual("../../src/taskpane/views/views-chunk");
});

/** A view whose chunk never arrives. */
const Pending = React.lazy(() => new Promise<{ default: () => React.JSX.Element }>(() => undefined));

describe("views loaded on demand", () => {
  it.each([
    ["en", "Opening the view…"],
    ["zh-HK", "正在開啟檢視…"],
  ] as const)("shows a spinner labelled in %s while the view's chunk loads", (lang, label) => {
    render(
      <FluentProvider theme={webLightTheme} lang={lang}>
        <ViewBoundary strings={STRINGS[lang]} onRetry={() => undefined}>
          <Pending />
        </ViewBoundary>
      </FluentProvider>,
    );
    expect(screen.getByRole("progressbar", { name: label })).toBeInTheDocument();
  });

  it("names a failed load, keeps the tabs working, and loads the view on Try again", async () => {
    const { container } = await renderPane(memoryHost(seedReadClean()), "data");
    const failure =
      /This view could not be shown; the workbook is unchanged\. \(Loading chunk views failed\.\)/;
    mockChunkFailures = 1;
    // Silence React's report of the caught error; the boundary shows it instead.
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      fireEvent.click(screen.getByRole("tab", { name: /^Checks/ }));
      expect(await screen.findByText(failure)).toBeInTheDocument();
      // Another tab shows its view, not the message.
      fireEvent.click(screen.getByRole("tab", { name: /^Data/ }));
      expect(container.querySelector("#data-heading")).not.toBeNull();
      expect(screen.queryByText(failure)).toBeNull();
      // Back on Checks the failed load is still failed until the preparer asks again.
      fireEvent.click(screen.getByRole("tab", { name: /^Checks/ }));
      expect(await screen.findByText(failure)).toBeInTheDocument();
    } finally {
      consoleError.mockRestore();
    }
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByRole("heading", { level: 2, name: /^Checks/ }, SLOW);
    expect(container.querySelector("#checks-heading")).not.toBeNull();
    expect(screen.queryByText(failure)).toBeNull();
  });
});
