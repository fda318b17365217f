// The build's identity lives in core (the API prints it in reports too).
export { gitCommit, versionLine } from '../core/version.ts';
