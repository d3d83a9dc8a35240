export { agreementOf, confusionOf, type Agreement, type Confusion } from './agreement.ts';
export {
  floorsOf,
  judgeStatus,
  parseCalibration,
  type Calibration,
  type Floors,
  type JudgeCalibration,
} from './calibration.ts';
export { judgeGate, type JudgeGate, type ModeJudge } from './gate.ts';
export { isJudged, judgeIdentity, JUDGED_TYPES, traceHash } from './identity.ts';
export { parseLabels, readLabels, type LabelRow } from './labels.ts';
export { calibrate, collectLabelled, type LabelledTrace } from './run.ts';
export { calibrationMarkdown, calibrationText } from './render.ts';
