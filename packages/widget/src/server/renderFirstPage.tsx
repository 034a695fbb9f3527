import type { QuestionnaireVersion } from "@klynge/engine";
import { renderToString } from "react-dom/server";
import { SvgRegistry } from "survey-core";
import { Survey } from "survey-react-ui";
import { type Locale, messages } from "../messages.js";
import { IntroSummary } from "../survey/IntroSummary.js";
import { createSurveyModel } from "../surveyjs/createSurveyModel.js";

export interface RenderFirstPageOptions {
  /** Default `"da"`. */
  readonly locale?: Locale;
  /** The cluster's anonymity threshold (the round document's `k`), for the intro. */
  readonly k?: number;
}

/** The holder SurveyJS fills with its icons in the browser; filled here, under another id. */
const iconHolder = /<svg style="display:none" id="sv-icon-holder-global-container"><\/svg>/;

/** A placeholder for a form rendered apart, replaced by its markup afterwards. */
function formSlot(name: string) {
  return <template data-slot={name} />;
}

function slotMarkup(name: string): string {
  return `<template data-slot="${name}"></template>`;
}

/** The `<symbol>`s the markup refers to (`<use xlink:href="#…">`), from SurveyJS's registry. */
function usedIcons(markup: string): string {
  const used = new Set([...markup.matchAll(/xlink:href="#([\w-]+)"/g)].map((m) => m[1]));
  const all = SvgRegistry.iconsRenderedHtml();
  return [...all.matchAll(/<symbol[^>]*\bid="([\w-]+)"[\s\S]*?<\/symbol>/g)]
    .filter((m) => used.has(m[1]))
    .map((m) => m[0])
    .join("");
}

/** SurveyJS's theme `<style>` (its variables' defaults): the same in both layouts, sent once. */
const themeStyle = /<style>:where\(\.sd-theme-root\)[\s\S]*?<\/style>/;

/** The form in SurveyJS's wide or narrow (< 600 px, `--sd-mobile-width`) layout. */
function surveyMarkup(version: QuestionnaireVersion, locale: Locale, mobile: boolean): string {
  const model = createSurveyModel(version, { locale });
  model.setIsMobile(mobile);
  return renderToString(<Survey model={model} />);
}

/**
 * The frame page's first page as HTML, made by SurveyJS's own React components: what the client
 * draws, inside the same `.klynge-embed` / `.klynge-survey` wrappers, with the intro's line above
 * the first question. SurveyJS picks its layout by the form's width in the browser, so both are
 * here and the page's CSS shows the one it will pick (`embed.css`). Its inputs are native: a click
 * or typed text before the scripts run is read back by the page (`readPrerenderedInput`) and saved.
 */
export function renderFirstPage(
  version: QuestionnaireVersion,
  options: RenderFirstPageOptions = {},
): string {
  const locale = options.locale ?? "da";
  const wide = surveyMarkup(version, locale, false);
  const narrow = surveyMarkup(version, locale, true)
    .replace(themeStyle, "")
    .replace(iconHolder, "");
  const markup = renderToString(
    <main className="klynge-embed" lang={locale}>
      <div className="klynge-survey" lang={locale}>
        <IntroSummary
          version={version}
          locale={locale}
          {...(options.k === undefined ? {} : { k: options.k })}
        />
        <div className="klynge-prerender__wide">{formSlot("wide")}</div>
        <div className="klynge-prerender__narrow">{formSlot("narrow")}</div>
        {/* The page's own save (bootEarlySave) says these words here, as the app's SaveIndicator. */}
        <p
          className="klynge-survey__saved"
          aria-live="polite"
          aria-atomic="true"
          data-saving={messages[locale].saving}
          data-saved={messages[locale].saved}
        />
      </div>
    </main>,
  );
  const icons = `<svg style="display:none" aria-hidden="true">${usedIcons(wide + narrow)}</svg>`;
  return markup
    .replace(slotMarkup("wide"), () => wide.replace(iconHolder, () => icons))
    .replace(slotMarkup("narrow"), () => narrow);
}
