export type { HeadingLevel } from "./headingTag.js";
export { type LocalizedString, localize } from "./localize.js";
export { type Locale, messages, type WidgetMessages } from "./messages.js";
export { QuestionnairePreview, type QuestionnairePreviewProps } from "./QuestionnairePreview.js";
