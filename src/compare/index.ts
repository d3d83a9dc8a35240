export { compare, planStage2, DEFAULT_GATE, CASE_FDR, type CompareOptions } from './compare.ts';
export { definedFields, gateChangeNote, gateChanges, resolveGate } from './gate.ts';
export {
  benjaminiHochberg,
  holm,
  hypergeomPmf,
  hypergeomTails,
  normalCdf,
  pairedInterval,
  signFlipTest,
  stratifiedTest,
  stratifiedTestOf,
  wilson,
  type Stratum,
  type TestResult,
} from './stats.ts';
export {
  isSynthetic,
  originText,
  splitByOrigin,
  SYNTHETIC_TAG,
  type OriginSplit,
} from './synthetic.ts';
export { compareFiles } from './files.ts';
