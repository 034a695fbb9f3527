// The meeting app's entry: survey-core's stylesheet without its web font (nothing fetched from a
// third party, and nothing to miss offline), Klynge's survey theme, the app's own layout.
import "survey-core/survey-core.fontless.css";
import "@klynge/widget/klynge-survey.css";
import "./meeting.css";
import { takeFragmentToken } from "@klynge/widget/core";
import { type ReactElement, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MeetingApp } from "./App.js";
import { lastRoundId } from "./roundSource.js";
import { useServiceWorker } from "./useServiceWorker.js";

const apiMeta = document.querySelector<HTMLMetaElement>('meta[name="klynge-api"]')?.content;
const api = new URL(apiMeta ?? "../api/", location.href);
const fromUrl = new URLSearchParams(location.search).get("round")?.trim();
const roundId = fromUrl === undefined || fromUrl === "" ? lastRoundId() : fromUrl;
// The meeting key's link (`…/app/?round=…#key=…`): read once, and gone from the address bar.
const keyFromLink = takeFragmentToken("key");

function Root(): ReactElement {
  const worker = useServiceWorker();
  return (
    <MeetingApp
      api={api}
      roundId={roundId}
      worker={worker}
      {...(keyFromLink === undefined ? {} : { keyFromLink })}
    />
  );
}

const root = document.getElementById("root");
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
