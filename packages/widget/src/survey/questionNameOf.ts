/** The SurveyJS question name behind a changed value; an "Andet" text arrives as `<name>-Comment`. */
export function questionNameOf(
  name: string,
  question: { readonly name: string } | undefined | null,
): string {
  return question?.name ?? name.replace(/-Comment$/, "");
}
