// (B) the same page with Klynge's answering component: same SurveyJS CSS plus Klynge's.
import "survey-core/survey-core.css";
import "@klynge/widget/klynge-survey.css";
import { round, version } from "klynge-bench:version";
import { KlyngeSurvey } from "@klynge/widget";
import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root")).render(
  <KlyngeSurvey version={version} round={round} />,
);
