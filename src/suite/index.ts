/** The suite: evalgate.yml + datasets -> a validated Suite, with errors that name file:line. */
export { loadCases, loadConfig, loadSuite } from './load.ts';
export type { LoadOptions } from './load.ts';
export { CaseChangedError, HeldCase, checkOutline, closeHeldCases, fullCase } from './held-case.ts';
export type { CheckOutline } from './held-case.ts';
export {
  DEFAULTS,
  DEFAULT_GATE,
  DEFAULT_MODULE_EXPORT,
  TARGET_KINDS,
  configSchema,
  parseConfig,
  parseDuration,
  validateConfig,
} from './config.ts';
export {
  DATASET_EXTENSIONS,
  datasetFormat,
  duplicateIdProblems,
  parseCases,
  validateCase,
  validateCheck,
} from './cases.ts';
export type { CaseBody, DatasetFormat, ParseCasesOptions } from './cases.ts';
export {
  MAX_PROBLEMS,
  ProblemList,
  SuiteError,
  displayPath,
  formatProblem,
  isSuiteError,
  suiteError,
} from './errors.ts';
export type { SuiteProblem } from './errors.ts';
export { caseHash, sha256, stableStringify, suiteHash } from './hash.ts';
export { parseJson, parseJsonl } from './jsonl.ts';
export { parseYaml } from './yaml.ts';
export type { Located } from './yaml.ts';
