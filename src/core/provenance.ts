/** Where a dataset came from; every number Strata shows can be traced back to one of these. */
export interface Provenance {
  /** Catalogue source id, e.g. `ons-gva-itl3-cp`. */
  source: string;
  title: string;
  publisher: string;
  url: string;
  licence: string;
  /** Publisher's release or reference period label, e.g. `April 2024`. */
  vintage: string;
  /** File name(s) read, as published. */
  files: string[];
  /** sha256 over the files' bytes (hex); for several files, over their sorted `name:sha256` lines. */
  sha256: string;
  /** ISO date the file was read from disk or downloaded. */
  retrieved: string;
  reader: string;
  readerVersion: number;
}
