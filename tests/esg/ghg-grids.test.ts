/** Grid texts as people write them: regional grids, long forms, provinces, Hong Kong's power companies. */
import { BASE_LIBRARY, findFactor } from "../../src/esg/factors";
import { withOverrides } from "../../src/esg/factor-table";
import { GRIDS, gridOptions, PROVINCES, readGrid } from "../../src/esg/grids";
import { scope2Location } from "../../src/esg/ghg";

const key = (text: string) => {
  const r = readGrid(text);
  return r.ok ? r.grid.key : r.reason;
};

describe("readGrid", () => {
  it.each([
    ["South China 南方電網", "south"],
    ["China Southern Power Grid", "south"],
    ["南方电网", "south"],
    ["中國南方電網", "south"],
    ["華北電網", "north"],
    ["华北区域电网", "north"],
    ["North China Grid", "north"],
    ["Northwest", "northwest"],
    ["  east china  ", "east"],
    ["西南", "southwest"],
    ["National", "national"],
    ["全國電網", "national"],
    ["CLP Power", "clp"],
    ["CLP Power Hong Kong", "clp"],
    ["中華電力", "clp"],
    ["HK Electric", "hk-electric"],
    ["港燈", "hk-electric"],
    ["香港電燈有限公司", "hk-electric"],
  ])("%s → %s", (text, expected) => expect(key(text)).toBe(expected));

  it.each([
    ["Guangdong", "south"],
    ["廣東", "south"],
    ["广东省", "south"],
    ["Xinjiang", "northwest"],
    ["新疆維吾爾自治區", "northwest"],
    ["Jilin", "northeast"],
    ["Shandong Province", "north"],
    ["重慶市", "southwest"],
    ["內蒙古", "north"],
  ])("province %s → its regional grid %s, with a note", (text, grid) => {
    const r = readGrid(text);
    expect(r.ok && r.grid.key).toBe(grid);
    expect(r.ok && r.note?.en).toMatch(/grid: the .* regional factor is used/);
  });

  it("notes the Inner Mongolia split and the inferred Southwest membership", () => {
    const im = readGrid("Inner Mongolia");
    expect(im.ok && im.note?.en).toMatch(/east .* Northeast/);
    const sc = readGrid("Sichuan");
    expect(sc.ok && sc.note?.en).toMatch(/inferred/);
  });

  it("maps every mainland province-level division (31) to one of the seven regional grids", () => {
    expect(PROVINCES).toHaveLength(31);
    const regional = GRIDS.filter((g) => g.kind === "regional").map((g) => g.key);
    for (const p of PROVINCES) {
      expect(regional).toContain(p.grid);
      for (const name of [p.en, p.hant, p.hans]) expect(key(name)).toBe(p.grid);
    }
  });

  it("asks which company for Hong Kong, and knows no Atlantis", () => {
    expect(key("Hong Kong")).toBe("hong-kong");
    expect(key("香港")).toBe("hong-kong");
    expect(key("Atlantis")).toBe("unknown");
    expect(key("South China Atlantis")).toBe("unknown");
    expect(key("South China 華北電網")).toBe("unknown"); // two grids: not one
    expect(key("")).toBe("blank");
  });

  it("offers every accepted value in the picker list, each reading back as its grid", () => {
    const options = gridOptions();
    expect(options.filter((o) => o.group === "grid")).toHaveLength(8);
    expect(options.filter((o) => o.group === "hong-kong").map((o) => o.value)).toEqual([
      "CLP Power Hong Kong",
      "HK Electric",
    ]);
    for (const o of options) expect(key(o.value)).toBe(o.grid);
  });
});

describe("Hong Kong power companies", () => {
  it("seeds only sourced Hong Kong supply factors (CLP 2019, HK Electric 2017–2019), never the CLP Group figure", () => {
    const clp = findFactor({
      kind: "grid",
      key: "CLP Power",
      series: "hk-power-company",
      year: 2019,
      exactYear: true,
    });
    expect(clp.ok && clp.factor.value).toBe(0.49);
    expect(clp.ok && clp.factor.source).toMatch(/secondary source/);
    const hke = findFactor({
      kind: "grid",
      key: "HK Electric",
      series: "hk-power-company",
      year: 2018,
      exactYear: true,
    });
    expect(hke.ok && hke.factor.value).toBe(0.8);
  });

  it("takes no earlier year's factor for a Hong Kong site, nor a mainland one", () => {
    const r = scope2Location(1000, { grid: "CLP Power Hong Kong", year: 2024, asOf: "2025-05-31" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.code).toBe("no-factor");
    expect(!r.ok && r.problem.message.en).toMatch(/2024/);
  });

  it("computes a Hong Kong site's Scope 2 on its company's factor for that year", () => {
    const r = scope2Location(1000, { grid: "港燈", year: 2019 });
    expect(r.ok && r.result.value).toBeCloseTo(0.81, 12);
    expect(r.ok && r.result.factors).toEqual(["hk.grid.hk-electric.2019"]);
  });

  it("refuses 'Hong Kong' alone: two companies, two factors", () => {
    const r = scope2Location(1000, { grid: "Hong Kong", year: 2019 });
    expect(!r.ok && r.problem.message.en).toMatch(/CLP Power Hong Kong or HK Electric/);
  });
});

describe("a workbook's own grid factors", () => {
  it("keeps a province's factor under the province, never in place of its regional grid", () => {
    const { library } = withOverrides(BASE_LIBRARY, [
      {
        id: "my.gd.2022",
        value: 0.4403,
        unit: "kg CO2/kWh",
        gas: "CO2",
        kind: "grid",
        key: "廣東",
        source: "MEE/NBS 2022 provincial",
        published: "2024-12-20",
        "data year": 2022,
        geography: "CN-GD",
        series: "cn-mee-nbs",
      },
    ]);
    expect(library.factors.find((f) => f.id === "my.gd.2022")?.key).toBe("province-guangdong");
    const south = findFactor({ kind: "grid", key: "Guangdong", year: 2022 }, library);
    expect(south.ok && south.factor.id).toBe("cn.grid.south.2022");
    const own = findFactor({ kind: "grid", key: "province-guangdong", year: 2022 }, library);
    expect(own.ok && own.factor.value).toBe(0.4403);
  });
});
