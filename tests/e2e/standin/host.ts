/**
 * The stand-in Excel-on-the-web host, Node side: answers what office.js (in the add-in's frame) posts to
 * its parent window. The browser page (page.ts) only relays the frame's messages here and posts the
 * replies back. What office.js expects was read in office-js 1.1.110 (excel-web-16.00.debug.js) and is
 * summarised in ../shared/reference/office-js-protocol.md:
 *
 * - Messages are JSON text: `_messageType` 0 request / 1 response, `_actionType` 0 invoke /
 *   1 registerEvent / 2 unregisterEvent, `_responseType` 0 for calling / 1 for eventing
 *   (Microsoft.Office.Common.MessageType, ActionType, ResponseType ≈ line 4604).
 * - `ContextActivationManager_getAppContextAsync` is answered with the app context
 *   (OSF.InitializationHelper.getAppContext ≈ 5844 requires _id, _appName, _appVersion, _appUILocale,
 *   _dataLocale, _docUrl, _clientMode, _settings, _reason); `_requirementMatrix` (JSON text, set → version)
 *   is what `isSetSupported` answers from (RequirementsMatrixFactory ≈ 2405).
 * - `executeMethod` with DispatchId 93 (dispidExecuteRichApiRequestMethod) carries a ProcessQuery body,
 *   answered by rich-api.ts as `{Version, Error, Data: [status, headers, body]}`.
 * - An event is a response message with `_responseType` 1 and `_actionName` = the event name
 *   (ClientEndPoint.registerForEvent keeps the handler under that name; XdmCommunicationManager._receive).
 */
import { RichApiEndpoint } from "./rich-api";
import type { FakeExcel } from "../../fakes/excel/excel";

/** Dispatch ids of office.js's DDA methods the stand-in sees (OSF.DDA.MethodDispId). */
export const DISPATCH = {
  richApi: 93,
  appCommandInvocationCompleted: 94,
} as const;

export interface StandInHostOptions {
  /** Requirement sets the host reports (set → version), e.g. { ExcelApi: "1.17" }. */
  readonly requirements: Readonly<Record<string, string>>;
  readonly uiLocale?: string;
  /** Largest RichApi body accepted (default 5 MB, Excel on the web's limit). */
  readonly limitBytes?: number;
  readonly dataLocale?: string;
}

/** Requirement sets of Excel on the web with the sets the manifest needs; ExcelApi per option. */
export function requirementMatrix(
  excelApi: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    ExcelApi: excelApi,
    ExcelApiOnline: "1.1",
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.3",
    RibbonApi: "1.1",
    DialogApi: "1.2",
    IdentityAPI: "1.3",
    AddinCommands: "1.1",
    ...extra,
  };
}

interface Message {
  _messageType: number;
  _actionName: string;
  _actionType?: number;
  _conversationId: string;
  _correlationId: number;
  _origin?: string;
  _data?: unknown;
}

/** A DDA method call as the frame sent it (not RichApi). */
export interface MethodCall {
  readonly dispatchId: number;
  readonly data: unknown;
}

export class StandInHost {
  readonly richApi: RichApiEndpoint;
  /** Every message the frame sent, in order (for tests and for reading the protocol). */
  readonly received: Message[] = [];
  /** Event names the frame registered (appCommandInvoked, richApiMessage, …). */
  readonly events = new Set<string>();
  readonly methodCalls: MethodCall[] = [];
  conversationId = "";
  /** Resolves when office.js has asked for the app context (the handshake). */
  handshakes = 0;

  constructor(
    readonly excel: FakeExcel,
    readonly appId: string,
    private readonly options: StandInHostOptions,
  ) {
    this.richApi = new RichApiEndpoint(excel, options.limitBytes);
  }

  appContext(): Record<string, unknown> {
    const ui = this.options.uiLocale ?? "en-US";
    return {
      _id: this.appId,
      _appName: 16, // OSF.AppName.ExcelWebApp
      _appVersion: "16.0",
      _appMinorVersion: 0,
      _appUILocale: ui,
      _dataLocale: this.options.dataLocale ?? ui,
      _docUrl: "https://contoso.sharepoint.com/sites/esg/Shared%20Documents/book.xlsx",
      _clientMode: 1, // read-write
      _settings: [],
      _reason: 1,
      _osfControlType: 1,
      _correlationId: "standin",
      _appInstanceId: this.appId,
      _requirementMatrix: JSON.stringify(this.options.requirements),
      _hostFullVersion: "16.0.18000.10000",
      _addinName: "ESG disclosures",
      _appDomains: [],
      _wacHostEnvironment: "0",
    };
  }

  private reply(m: Message, data: unknown, errorCode = 0): string {
    return JSON.stringify({
      _messageType: 1,
      _actionName: m._actionName,
      _conversationId: m._conversationId,
      _correlationId: m._correlationId,
      _errorCode: errorCode,
      _responseType: 0,
      _data: data,
    });
  }

  /** An event message for a registered event name. */
  event(name: string, data: unknown): string {
    return JSON.stringify({
      _messageType: 1,
      _actionName: name,
      _conversationId: this.conversationId,
      _correlationId: 0,
      _errorCode: 0,
      _responseType: 1,
      _data: data,
    });
  }

  /** Handles one message text from the frame; returns the replies to post back. */
  async handle(text: string): Promise<string[]> {
    let m: Message;
    try {
      m = JSON.parse(text) as Message;
    } catch {
      return [];
    }
    if (m._messageType !== 0) return [];
    this.received.push(m);
    this.conversationId = m._conversationId;
    if (m._actionType === 1 || m._actionType === 2) {
      if (m._actionType === 1) this.events.add(m._actionName);
      else this.events.delete(m._actionName);
      return [this.reply(m, { Error: 0 })];
    }
    switch (m._actionName) {
      case "ContextActivationManager_getAppContextAsync":
        this.handshakes++;
        return [this.reply(m, this.appContext())];
      case "executeMethod":
        return [
          this.reply(
            m,
            await this.execute(m._data as { DdaMethod?: { DispatchId?: number }; ArrayData?: unknown[] }),
          ),
        ];
      default:
        // notifyHost (ready, telemetry, target url) and the like: acknowledged.
        return [this.reply(m, null)];
    }
  }

  private async execute(data: {
    DdaMethod?: { DispatchId?: number };
    ArrayData?: unknown[];
  }): Promise<unknown> {
    const dispatchId = data?.DdaMethod?.DispatchId ?? -1;
    if (dispatchId !== DISPATCH.richApi) {
      this.methodCalls.push({ dispatchId, data });
      return { Error: 0 };
    }
    const body = data.ArrayData?.[4];
    if (typeof body !== "string")
      throw new Error(`stand-in: a RichApi request without a body: ${JSON.stringify(data).slice(0, 300)}`);
    const response = await this.richApi.process(body);
    return { Version: 1, Error: 0, Data: [200, [], response] };
  }
}
