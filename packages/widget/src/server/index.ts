// @klynge/widget/server: for the server that serves the frame page (Node): its first page
// rendered by SurveyJS's own React components, and the built page filled with it and the round.

export { type FilledFramePage, fillFramePage } from "./fillFramePage.js";
export { type RenderFirstPageOptions, renderFirstPage } from "./renderFirstPage.js";
