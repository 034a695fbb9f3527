import { apiLimits } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useId, useRef, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import { formatDate } from "../format.js";
import { PageHeading } from "../PageHeading.js";
import type { PageProps } from "../pageProps.js";
import { useApiResult } from "../useApiResult.js";
import { packageMessages } from "./packageMessages.js";

const limitKb = Math.floor(apiLimits.packageBytes / 1024);

/** The file's JSON, or why it is none (checked here, so nothing too large or unreadable is sent). */
async function readPackageFile(file: File): Promise<unknown | "too-large" | "not-json"> {
  if (file.size > apiLimits.packageBytes) return "too-large";
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch {
    return "not-json";
  }
}

/**
 * "Klyngepakker" (KiAP): the packages and their versions, and the upload of a package file
 * (`POST /api/packages`), checked by the engine on the server; its issues are listed as it sends them.
 */
export function PackagesPage(props: PageProps): ReactElement {
  const { client, locale } = props;
  const text = packageMessages[locale];
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [loaded, reload] = useApiResult("packages", () => client.call("listPackages"));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  async function upload(event: FormEvent): Promise<void> {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (file === undefined) {
      setOutcome({ kind: "missing", text: text.chooseFile });
      fileInput.current?.focus();
      return;
    }
    const body = await readPackageFile(file);
    if (body === "too-large" || body === "not-json") {
      setOutcome({
        kind: "missing",
        text: body === "too-large" ? text.tooLarge(limitKb) : text.notJson,
      });
      return;
    }
    setBusy(true);
    setOutcome(null);
    const result = await client.call("uploadPackage", { body });
    setBusy(false);
    if (!result.success) {
      setOutcome({ kind: "failed", error: refusalOf(result), lead: text.uploadFailed });
      return;
    }
    const { title, version } = result.data.package;
    const name = title[locale] ?? title.da;
    setOutcome({
      kind: "done",
      text: result.status === 201 ? text.uploaded(name, version) : text.unchanged(name, version),
    });
    if (fileInput.current !== null) fileInput.current.value = "";
    await reload();
  }

  return (
    <section aria-labelledby={`${ids}-title`}>
      <PageHeading id={`${ids}-title`}>{text.title}</PageHeading>
      <p>{text.intro}</p>
      {loaded === undefined ? (
        <p aria-busy="true">{text.loading}</p>
      ) : !loaded.success ? (
        <ApiErrorNotice error={refusalOf(loaded)} locale={locale} lead={text.failed} />
      ) : (
        <div className="coordinator-scroll">
          <table className="coordinator-table">
            <caption>{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.package}</th>
                <th scope="col">{text.version}</th>
                <th scope="col">{text.questions}</th>
                <th scope="col">{text.minutes}</th>
                <th scope="col">{text.uploadedOn}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.packages.map((entry) => (
                <tr key={`${entry.id}:${entry.version}`}>
                  <th scope="row">{entry.title[locale] ?? entry.title.da}</th>
                  <td>{entry.version}</td>
                  <td>{entry.questions}</td>
                  <td>{text.minutesValue(entry.minutes)}</td>
                  <td>
                    {entry.uploadedOn === null
                      ? text.builtIn
                      : formatDate(entry.uploadedOn, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="coordinator-form" noValidate onSubmit={(e) => void upload(e)}>
        <div className="coordinator-field">
          <label htmlFor={`${ids}-file`}>{text.fileLabel}</label>
          <p id={`${ids}-file-hint`} className="coordinator-hint">
            {text.fileHint(limitKb)}
          </p>
          <input
            id={`${ids}-file`}
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${ids}-file-hint`}
          />
        </div>
        <button
          type="submit"
          className="coordinator-button coordinator-button--primary"
          disabled={busy}
        >
          {busy ? text.uploading : text.upload}
        </button>
      </form>
      <ActionOutcomeRegion outcome={outcome} locale={locale} />
    </section>
  );
}
