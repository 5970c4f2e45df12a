/** The strict fake of Excel's JavaScript API (the subset Patient Ledger uses). See README.md here. */
export { installFakeOffice, FakeRequestContext, type InstalledFake } from './install';
export { FakeWorkbookModel, FakeSheet, parseAddress, rectAddress, type FakeCell, type FakeValue, type Rect } from './model';
export { FakeHost, FakeOfficeError, DEFAULT_PAYLOAD_LIMIT, jsonBytes, type FakeHostOptions, type SyncRecord } from './core';
export { typedInput } from './range';
