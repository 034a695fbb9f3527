/** Where the server puts the prerendered first page and the round document in the frame page. */
export const prerenderIds = {
  /** The server-rendered first page: visible and answerable until SurveyJS takes over. */
  container: "klynge-prerender",
  /** `<script type="application/json">` with the round document, so the page need not fetch it. */
  round: "klynge-round",
  /** The React root, laid out off-stage (class `klynge-offstage`) while the container is shown. */
  root: "root",
} as const;

/** The root's class while the prerendered page is shown in its place. */
export const offstageClass = "klynge-offstage";
