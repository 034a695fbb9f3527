// @klynge/widget/report: one view-model of a report, read by every rendering of it (a results
// page, a slide deck, a tablet's results): which charts, comparison lines and texts a report has,
// and what each figure says ("42 %", "skjult", never 0); plus the shared option table and text
// list. Pure functions over the engine's report; the React components are the only React here.
export { answeredText } from "./answeredText.js";
export { countText, shareText } from "./barText.js";
export { type ChangeCells, changeCells } from "./changeText.js";
export {
  type Answered,
  type BarValue,
  type ChartBar,
  type ChartGroup,
  chartGroups,
  hasFigures,
} from "./chartGroups.js";
export {
  type ChangeWithheld,
  type ComparedQuestion,
  type ComparisonLine,
  type ComparisonView,
  comparisonView,
  type SideFigure,
} from "./comparisonView.js";
export { conditionLines } from "./conditionLines.js";
export { formatNumber, formatPercent } from "./formatFigures.js";
export { meanText } from "./meanText.js";
export { type NoteGroup, noteGroups } from "./noteGroups.js";
export { OptionTable, type OptionTableProps } from "./OptionTable.js";
export { type ReportMessages, reportMessages } from "./reportMessages.js";
export { type ResultTexts, resultTexts, resultTextsTitle } from "./resultTexts.js";
export { TextList, type TextListProps } from "./TextList.js";
