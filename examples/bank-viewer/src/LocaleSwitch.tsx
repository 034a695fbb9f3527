import type { Locale } from "@klynge/widget";

const choices: readonly { locale: Locale; name: string }[] = [
  { locale: "da", name: "Dansk" },
  { locale: "en", name: "English" },
];

export interface LocaleSwitchProps {
  readonly locale: Locale;
  readonly onChange: (locale: Locale) => void;
  readonly legend: string;
}

/** Two radio buttons; each language's name is written in that language. */
export function LocaleSwitch({ locale, onChange, legend }: LocaleSwitchProps) {
  return (
    <fieldset className="locale-switch">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.locale} lang={choice.locale}>
          <input
            type="radio"
            name="locale"
            value={choice.locale}
            checked={locale === choice.locale}
            onChange={() => onChange(choice.locale)}
          />
          {choice.name}
        </label>
      ))}
    </fieldset>
  );
}
