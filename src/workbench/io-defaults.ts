// The input–output models' default parameters (δ, the regional method), for the CLI's and the
// API's option defaults; a module of its own so that loading the workbench does not load the models.
export { INTERREGIONAL_DEFAULTS, REGIONAL_DEFAULTS } from '../models/io/index.ts';
