// The worker pools a long-running server keeps (composite indices, finance paths), for the API's
// compute budget; a module of its own so that loading the workbench does not load the models.
export { createWorkerPool, type WorkerPool } from '../models/composite/index.ts';
export { createFinancePool, type FinancePool } from '../models/finance/parallel.ts';
