import { intensityFormat, neverZero } from "../../src/esg/disclosures/styles";
import { readable, significant } from "../../src/esg/readable";

describe("readable figures", () => {
  test("a number format never shows a non-zero figure as zero", () => {
    expect(neverZero("0.0%", 12 / 85200)).toBe("0.000%"); // 0.014%
    expect(neverZero("#,##0.00", 0.00003)).toBe("#,##0.000000"); // 0.000030
    expect(neverZero("#,##0", 0.4)).toBe("#,##0.00"); // 0.40
    // Figures the format shows keep the published precision.
    expect(neverZero("#,##0.00", 0.0392)).toBe("#,##0.00");
    expect(neverZero("0.0%", 0.07)).toBe("0.0%");
    expect(neverZero("0.0%", 0)).toBe("0.0%");
  });

  test("small intensities get significant digits", () => {
    expect(intensityFormat(0.00024)).toBe("#,##0.00000"); // 0.00024
    expect(intensityFormat(0.000031)).toBe("#,##0.000000"); // 0.000031
    expect(intensityFormat(1.92)).toBe("#,##0.00");
    expect(intensityFormat(2366)).toBe("#,##0");
  });

  test("esg kpis reads percentages as percentages and per-revenue intensities per million", () => {
    expect(readable(0.07, "%")).toEqual({ value: 7.000000000000001, unit: "%", text: "7%" });
    expect(readable(12 / 85200, "%").text).toBe("0.0141%");
    const r = readable(1.92e-9, "t CO2e/HKD");
    expect(r.unit).toBe("t CO2e/HK$ million");
    expect(r.text).toBe("0.00192");
    expect(readable(null, "t").text).toBe("—");
    expect(significant(0.0391977)).toBe("0.0392");
    expect(significant(29843.8)).toBe("29,844");
  });
});
