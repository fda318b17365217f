// What a report is built from: answers in the contract's shapes, gathered by the workbench, plus
// the store's datasets and the build's identity. Everything is sorted before it gets here or in
// the sections, so the same inputs give the same bytes.
export type { ReportDataset, ReportInput, ReportMethod, ReportProjection } from '../contract/reports.ts';
