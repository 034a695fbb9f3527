import { listTemplates, type Template } from "@klynge/question-bank";
import { type Locale, localize, QuestionnairePreview } from "@klynge/widget";
import { useEffect, useState } from "react";
import { LocaleSwitch } from "./LocaleSwitch.js";
import { type ViewerMessages, viewerMessages } from "./messages.js";
import { useHash } from "./useHash.js";

const templates = listTemplates();

export function App() {
  const [locale, setLocale] = useState<Locale>("da");
  const hash = useHash();
  const m = viewerMessages[locale];
  const selected = hash === "" ? templates[0] : templates.find((t) => t.id === hash);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = m.documentTitle;
  }, [locale, m]);

  return (
    <>
      <header className="page-header">
        <h1>{m.appTitle}</h1>
        <p>{m.intro}</p>
        <LocaleSwitch locale={locale} onChange={setLocale} legend={m.languageLegend} />
      </header>
      <nav aria-label={m.templatesLabel} className="templates">
        {templates.length === 0 ? (
          <p>{m.empty}</p>
        ) : (
          <ul>
            {templates.map((template) => (
              <li key={template.id}>
                <a
                  href={`#${encodeURIComponent(template.id)}`}
                  aria-current={template === selected ? "page" : undefined}
                >
                  <span className="templates__title">{localize(template.title, locale).text}</span>
                  <span className="templates__meta">
                    {m.version(template.semver)} ·{" "}
                    {m.questionCount(template.questionnaire.questions.length)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <main>
        {selected === undefined ? (
          templates.length > 0 && <p role="alert">{m.notFound(hash)}</p>
        ) : (
          <>
            <QuestionnairePreview questionnaire={selected.questionnaire} locale={locale} />
            <TemplateFacts template={selected} m={m} />
          </>
        )}
      </main>
    </>
  );
}

/** Where the template's words come from, so a coordinator can check them against KiAP's. */
function TemplateFacts({ template, m }: { template: Template; m: ViewerMessages }) {
  const { source } = template;
  return (
    <section className="template-facts" aria-labelledby="template-facts-heading">
      <h2 id="template-facts-heading">{m.aboutTemplate}</h2>
      <dl>
        <dt>{m.clusterPackage}</dt>
        <dd>{source.package}</dd>
        <dt>{m.versionLabel}</dt>
        <dd>{template.semver}</dd>
        <dt>{m.seed}</dt>
        <dd>
          {source.section} ({source.seed})
        </dd>
        <dt>{m.optionsOrigin}</dt>
        <dd>{source.options}</dd>
      </dl>
    </section>
  );
}
