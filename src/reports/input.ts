// What a report is built from: answers in the contract's shapes, gathered by the workbench, plus
// the store's datasets and the build's identity. Everything is sorted before it gets here or in
// the sections, so the same inputs give the same bytes.
import type { CommitmentRow, Outturn, Projection } from '../contract/accountability.ts';
import type { AreaProfile } from '../contract/areas.ts';

/** One dataset in the store, as the appendix lists it. */
export interface ReportDataset {
  source: string;
  publisher: string;
  title: string;
  vintage: string;
  licence: string;
  sha256: string;
}

/** A method used in the report, with its version and parameters. */
export interface ReportMethod {
  name: string;
  version: string;
  parameters: string;
}

/** A frozen projection with its outturn, when it is in. */
export interface ReportProjection {
  projection: Projection;
  outturn: Outturn | null;
}

export interface ReportInput {
  profile: AreaProfile;
  asOf: string;
  commitments: CommitmentRow[];
  projections: ReportProjection[];
  datasets: ReportDataset[];
  methods: ReportMethod[];
  /** `strata 0.1.0 (commit abc123)`. */
  version: string;
  /** The command that rebuilds this report. */
  rebuild: string;
}
