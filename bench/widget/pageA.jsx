// (A) the baseline: a minimal React + SurveyJS page rendering the same survey JSON as (B).
import "survey-core/survey-core.css";
import "survey-core/i18n/danish";
import surveyJson from "klynge-bench:survey-json";
import { createRoot } from "react-dom/client";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";

const model = new Model(surveyJson);
// For the first-question bench: whether a click reached SurveyJS's model.
window.klyngeBenchModel = model;
createRoot(document.getElementById("root")).render(<Survey model={model} />);
