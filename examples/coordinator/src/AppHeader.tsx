import type { ReactElement, ReactNode } from "react";
import { coordinatorMessages, type Locale } from "./messages.js";

export interface AppHeaderProps {
  readonly locale: Locale;
  readonly onLocale: (locale: Locale) => void;
  readonly large: boolean;
  readonly onLarge: (large: boolean) => void;
  /** Who is signed in, the cluster picker and "Log ud", when someone is. */
  readonly children?: ReactNode;
}

/** The app's name, the signed-in person's part, text size and language. */
export function AppHeader(props: AppHeaderProps): ReactElement {
  const { locale, onLocale, large, onLarge, children } = props;
  const text = coordinatorMessages[locale];
  return (
    <header className="coordinator-header">
      <h1>{text.appName}</h1>
      {children}
      <div className="coordinator-header__tools">
        <label className="coordinator-switch">
          <input type="checkbox" checked={large} onChange={(e) => onLarge(e.target.checked)} />
          {text.largeText}
        </label>
        <button
          type="button"
          className="coordinator-button coordinator-button--quiet"
          lang={locale === "da" ? "en" : "da"}
          aria-label={text.languageLabel}
          onClick={() => onLocale(locale === "da" ? "en" : "da")}
        >
          {text.language}
        </button>
      </div>
    </header>
  );
}
