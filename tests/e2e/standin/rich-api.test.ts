/**
 * The stand-in's RichApi endpoint without a browser: wire bodies as office.js sends them (the capture in
 * ../shared/reference/office-js-protocol.md, and shapes seen from excel-web-16.00.js) against the fake.
 * The real-client tests drive it with office.js itself; these pin the wire format and the 5 MB rule.
 */
import { createFakeExcel } from "../../fakes/excel/seed";
import { RichApiEndpoint, type WireRequest } from "./rich-api";

function book() {
  return createFakeExcel(
    {
      sheets: [
        {
          name: "Data",
          cells: { A1: 10, A2: 20 },
          names: [{ name: "Local", refersTo: "Data!$A$2" }],
        },
      ],
      names: [
        { name: "KPI_Total", refersTo: "Data!$A$1" },
        { name: "Rate", refersTo: "0.5" },
      ],
    },
    { limits: { requestBytes: Infinity, responseBytes: Infinity } },
  );
}

const parse = (text: string) =>
  JSON.parse(text) as { Results?: { ActionId: number; Value: unknown }[]; Error?: { Code: string } };

describe("stand-in RichApi endpoint", () => {
  it("answers the captured names.load('items/name') batch as office.js expects (results by action id, _Items, PascalCase)", async () => {
    const endpoint = new RichApiEndpoint(book());
    // Captured from office.js 1.1.110 (office-js-protocol.md, "An Excel.run batch on the wire").
    const body =
      '{"AutoKeepReference":false,"Actions":[{"Id":2,"ActionType":1,"Name":"","ObjectPathId":1},{"Id":4,"ActionType":1,"Name":"","ObjectPathId":3},{"Id":5,"ActionType":2,"Name":"","ObjectPathId":3,"QueryInfo":{"Select":["name"]},"L":[1,3]}],"ObjectPaths":{"1":{"Id":1,"ObjectPathType":1,"Name":""},"3":{"Id":3,"ObjectPathType":4,"Name":"Names","ParentObjectPathId":1}}}';
    const out = parse(await endpoint.process(body));
    expect(out.Results).toEqual([
      { ActionId: 2, Value: {} },
      { ActionId: 4, Value: {} },
      { ActionId: 5, Value: { _Items: [{ Name: "KPI_Total" }, { Name: "Rate" }] } },
    ]);
    expect(endpoint.exchanges).toEqual([
      {
        requestBytes: body.length,
        responseBytes: expect.any(Number),
        actions: 3,
        service: false,
        releaseOnly: false,
      },
    ]);
  });

  it("nests a collection under the items of another (worksheets items/names/items/name)", async () => {
    const endpoint = new RichApiEndpoint(book());
    const request: WireRequest = {
      Actions: [
        { Id: 5, ActionType: 2, Name: "", ObjectPathId: 3, QueryInfo: { Select: ["name", "names/name"] } },
      ],
      ObjectPaths: {
        "1": { Id: 1, ObjectPathType: 1, Name: "" },
        "3": { Id: 3, ObjectPathType: 4, Name: "Worksheets", ParentObjectPathId: 1 },
      },
    };
    const out = parse(await endpoint.process(JSON.stringify(request)));
    expect(out.Results?.[0].Value).toEqual({
      _Items: [{ Name: "Data", Names: { _Items: [{ Name: "Local" }] } }],
    });
  });

  it("gives null for a null object, the key office.js reads for a keyed one, and an error code for a missing item", async () => {
    const endpoint = new RichApiEndpoint(book());
    const paths = {
      "1": { Id: 1, ObjectPathType: 1, Name: "" },
      "3": { Id: 3, ObjectPathType: 4, Name: "Worksheets", ParentObjectPathId: 1 },
      "5": {
        Id: 5,
        ObjectPathType: 3,
        Name: "GetItemOrNullObject",
        ParentObjectPathId: 3,
        ArgumentInfo: { Arguments: ["Nope"] },
      },
      "7": {
        Id: 7,
        ObjectPathType: 5,
        Name: "",
        ParentObjectPathId: 3,
        ArgumentInfo: { Arguments: ["Data"] },
      },
      "9": {
        Id: 9,
        ObjectPathType: 3,
        Name: "GetItem",
        ParentObjectPathId: 3,
        ArgumentInfo: { Arguments: ["Nope"] },
      },
    };
    const ok = parse(
      await endpoint.process(
        JSON.stringify({
          Actions: [
            { Id: 6, ActionType: 1, Name: "", ObjectPathId: 5 },
            { Id: 8, ActionType: 1, Name: "", ObjectPathId: 7 },
          ],
          ObjectPaths: paths,
        }),
      ),
    );
    expect(ok.Results).toEqual([
      { ActionId: 6, Value: null },
      { ActionId: 8, Value: { Id: expect.any(String) } },
    ]);
    const missing = parse(
      await endpoint.process(
        JSON.stringify({
          Actions: [{ Id: 10, ActionType: 1, Name: "", ObjectPathId: 9 }],
          ObjectPaths: paths,
        }),
      ),
    );
    expect(missing.Error?.Code).toBe("ItemNotFound");
  });

  it("sets properties and calls methods, keeps and releases a reference", async () => {
    const excel = book();
    const endpoint = new RichApiEndpoint(excel);
    const paths = {
      "1": { Id: 1, ObjectPathType: 1, Name: "" },
      "3": { Id: 3, ObjectPathType: 4, Name: "Worksheets", ParentObjectPathId: 1 },
      "5": {
        Id: 5,
        ObjectPathType: 3,
        Name: "GetItem",
        ParentObjectPathId: 3,
        ArgumentInfo: { Arguments: ["Data"] },
      },
      "7": {
        Id: 7,
        ObjectPathType: 3,
        Name: "GetRange",
        ParentObjectPathId: 5,
        ArgumentInfo: { Arguments: ["B1"] },
      },
    };
    const out = parse(
      await endpoint.process(
        JSON.stringify({
          Actions: [
            { Id: 8, ActionType: 1, Name: "", ObjectPathId: 7 },
            {
              Id: 9,
              ActionType: 3,
              Name: "_KeepReference",
              ObjectPathId: 7,
              ArgumentInfo: { Arguments: [] },
            },
            {
              Id: 10,
              ActionType: 4,
              Name: "Formulas",
              ObjectPathId: 7,
              ArgumentInfo: { Arguments: [[["=A1+A2"]]] },
            },
            { Id: 11, ActionType: 2, Name: "", ObjectPathId: 7, QueryInfo: { Select: ["values"] } },
          ],
          ObjectPaths: paths,
        }),
      ),
    );
    const ref = (out.Results?.[0].Value as { _ReferenceId: string })._ReferenceId;
    expect(ref).toMatch(/\S/);
    // Automatic calculation: the formula's result is in the same response.
    expect(out.Results?.[1]).toEqual({ ActionId: 11, Value: { Values: [[30]], _ReferenceId: ref } });
    // A later request reaches the same range through the reference id.
    const again = parse(
      await endpoint.process(
        JSON.stringify({
          Actions: [{ Id: 3, ActionType: 2, Name: "", ObjectPathId: 2, QueryInfo: { Select: ["address"] } }],
          ObjectPaths: { "2": { Id: 2, ObjectPathType: 6, Name: ref } },
        }),
      ),
    );
    expect(again.Results?.[0].Value).toEqual({ Address: "Data!B1" });
    await endpoint.process(
      JSON.stringify({
        Actions: [
          {
            Id: 2,
            ActionType: 3,
            Name: "_RemoveReference",
            ObjectPathId: 1,
            ArgumentInfo: { Arguments: [ref] },
          },
        ],
        ObjectPaths: { "1": { Id: 1, ObjectPathType: 1, Name: "" } },
      }),
    );
    expect(endpoint.liveReferences).toBe(0);
    expect(endpoint.exchanges.map((e) => e.releaseOnly)).toEqual([false, false, true]);
  });

  it("draws a chart from the calls office.js makes for one (add, name, series by position, a point's fill, position)", async () => {
    const excel = book();
    const endpoint = new RichApiEndpoint(excel);
    const method = (
      Id: number,
      Name: string,
      ParentObjectPathId: number,
      Arguments: unknown[],
      refs?: number[],
    ) => ({
      Id,
      ObjectPathType: 3,
      Name,
      ParentObjectPathId,
      ArgumentInfo: { Arguments, ...(refs ? { ReferencedObjectPathIds: refs } : {}) },
    });
    const property = (Id: number, Name: string, ParentObjectPathId: number) => ({
      Id,
      ObjectPathType: 4,
      Name,
      ParentObjectPathId,
    });
    const paths = {
      "1": { Id: 1, ObjectPathType: 1, Name: "" },
      "3": property(3, "Worksheets", 1),
      "5": method(5, "GetItem", 3, ["Data"]),
      "7": method(7, "GetRange", 5, ["A1:A2"]),
      "9": property(9, "Charts", 5),
      "11": method(11, "Add", 9, ["BarClustered", null, "Columns"], [0, 7, 0]),
      "13": property(13, "Series", 11),
      "15": method(15, "GetItemAt", 13, [0]),
      "17": property(17, "Points", 15),
      "19": method(19, "GetItemAt", 17, [1]),
      "21": property(21, "Format", 19),
      "23": property(23, "Fill", 21),
    };
    const out = parse(
      await endpoint.process(
        JSON.stringify({
          Actions: [
            { Id: 30, ActionType: 1, Name: "", ObjectPathId: 11 },
            {
              Id: 31,
              ActionType: 4,
              Name: "Name",
              ObjectPathId: 11,
              ArgumentInfo: { Arguments: ["A1.test"] },
            },
            {
              Id: 32,
              ActionType: 3,
              Name: "SetPosition",
              ObjectPathId: 11,
              ArgumentInfo: { Arguments: ["C1", "F10"] },
            },
            { Id: 33, ActionType: 1, Name: "", ObjectPathId: 15 },
            {
              Id: 34,
              ActionType: 3,
              Name: "SetXAxisValues",
              ObjectPathId: 15,
              ArgumentInfo: { Arguments: [null], ReferencedObjectPathIds: [7] },
            },
            {
              Id: 35,
              ActionType: 3,
              Name: "SetSolidColor",
              ObjectPathId: 23,
              ArgumentInfo: { Arguments: ["#0B3C5D"] },
            },
          ],
          ObjectPaths: paths,
        }),
      ),
    );
    expect(out.Error).toBeUndefined();
    expect(endpoint.unsupported).toEqual([]);
    const [chart] = excel.workbook.sheets[0].charts;
    expect(chart).toMatchObject({ name: "A1.test", type: "BarClustered" });
    expect(chart.position).toEqual({
      start: { top: 0, left: 2, bottom: 0, right: 2 },
      end: { top: 9, left: 5, bottom: 9, right: 5 },
    });
    expect(chart.series[0]).toMatchObject({
      xValues: { rect: { top: 0, left: 0, bottom: 1, right: 0 } },
      pointFills: [null, "#0B3C5D"],
    });
  });

  it("refuses a request over 5 MB before running any of it", async () => {
    const excel = book();
    const endpoint = new RichApiEndpoint(excel);
    const big = "x".repeat(5 * 1024 * 1024);
    const out = parse(
      await endpoint.process(
        JSON.stringify({
          Actions: [
            { Id: 4, ActionType: 4, Name: "Values", ObjectPathId: 3, ArgumentInfo: { Arguments: [[[big]]] } },
          ],
          ObjectPaths: {
            "1": { Id: 1, ObjectPathType: 1, Name: "" },
            "3": {
              Id: 3,
              ObjectPathType: 3,
              Name: "GetRange",
              ParentObjectPathId: 2,
              ArgumentInfo: { Arguments: ["C1"] },
            },
          },
        }),
      ),
    );
    expect(out.Error?.Code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.runtime.syncs).toBe(0);
  });
});
