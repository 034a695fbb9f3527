export interface RoundLinkSet {
  /** The widget's host script, served next to this app. */
  readonly embedScript: string;
  /** What a website pastes to show the survey. */
  readonly embedSnippet: string;
  readonly meetingApp: string;
  readonly results: string;
  /** The survey's own page (the frame page opened directly): the round's open link. */
  readonly survey: string;
}

/**
 * The links of a round, relative to this page (`…/coordinator/`): the collector serves the embed
 * script at `../embed.js`, the survey's page at `../frame/` and the meeting app at `../app/`.
 */
export function linksFor(roundId: string, pageUrl: string): RoundLinkSet {
  const embedScript = new URL("../embed.js", pageUrl).href;
  const attribute = roundId.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const results = new URL(pageUrl);
  results.hash = `#/resultater?rounds=${encodeURIComponent(roundId)}`;
  return {
    embedScript,
    embedSnippet: `<div data-klynge-survey="${attribute}"></div><script src="${embedScript}" async></script>`,
    meetingApp: new URL(`../app/?round=${encodeURIComponent(roundId)}`, pageUrl).href,
    results: results.href,
    survey: new URL(`../frame/?round=${encodeURIComponent(roundId)}`, pageUrl).href,
  };
}
