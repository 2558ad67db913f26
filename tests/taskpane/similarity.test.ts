import { editDistance, rankNames, similarity, tokens } from "../../src/taskpane/similarity";
import { paneLanguage } from "../../src/taskpane/i18n";
import { splitLocation, themeOf } from "../../src/taskpane/host";

describe("name suggestions", () => {
  it("tokenises camel case, snake case and spaces alike", () => {
    expect(tokens("HeadcountGender")).toEqual(["headcount", "gender"]);
    expect(tokens("headcount_gender")).toEqual(["headcount", "gender"]);
    expect(tokens("GHGScope1 total")).toEqual(["ghg", "scope1", "total"]);
  });
  it("measures edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(similarity("Electricity", "electricity")).toBe(1);
  });
  it("ranks the group's own name for a metric above unrelated names", () => {
    const ranked = rankNames(
      ["Electricity", "Purchased electricity"],
      ["Water_m3", "Elec_Purchased_kWh", "Headcount", "ElectricityUse"],
    );
    expect(ranked.map((r) => r.name).slice(0, 2)).toEqual(
      expect.arrayContaining(["ElectricityUse", "Elec_Purchased_kWh"]),
    );
    expect(ranked.map((r) => r.name)).not.toContain("Headcount");
  });
});

describe("host facts", () => {
  it.each([
    ["zh-HK", "zh-HK"],
    ["zh-TW", "zh-HK"],
    ["zh-CN", "en"],
    ["en-US", "en"],
    ["fr-FR", "en"],
  ])("display language %s → pane language %s", (office, pane) => expect(paneLanguage(office)).toBe(pane));
  it("reads a dark Office theme from its body background", () => {
    expect(themeOf("#1F1F1F")).toBe("dark");
    expect(themeOf("#FFFFFF")).toBe("light");
    expect(themeOf(undefined)).toBe("light");
  });
  it("splits quoted sheet locations", () => {
    expect(splitLocation("'Site A'!B2:C4")).toEqual({ sheet: "Site A", address: "B2:C4" });
    expect(splitLocation("Data!B6")).toEqual({ sheet: "Data", address: "B6" });
  });
});
