import { type ReactElement, useEffect, useId, useState } from "react";
import type { ClientResult, CollectorClient, RoundEntry } from "./collectorClient.js";
import { linksFor } from "./linksFor.js";
import { coordinatorMessages, type Locale } from "./messages.js";

export interface RoundListProps {
  readonly client: CollectorClient;
  readonly locale: Locale;
  readonly pageUrl: string;
  /** Change it to load the list again (after a round was created). */
  readonly refreshKey: number;
}

/** The collector's rounds, oldest first, with their response counts and links. */
export function RoundList(props: RoundListProps): ReactElement {
  const { client, locale, pageUrl, refreshKey } = props;
  const text = coordinatorMessages[locale];
  const [result, setResult] = useState<ClientResult<RoundEntry[]> | "loading">("loading");
  const titleId = useId();

  useEffect(() => {
    // Read by the effect: a new key loads the list again.
    void refreshKey;
    let active = true;
    void client.listRounds().then((loaded) => {
      if (active) setResult(loaded);
    });
    return () => {
      active = false;
    };
  }, [client, refreshKey]);

  return (
    <section className="coordinator-rounds" aria-labelledby={titleId}>
      <h2 id={titleId}>{text.roundsTitle}</h2>
      {result === "loading" ? (
        <p aria-busy="true">{text.roundsLoading}</p>
      ) : !result.ok ? (
        <p role="alert">{text.roundsFailed}</p>
      ) : result.value.length === 0 ? (
        <p>{text.roundsNone}</p>
      ) : (
        <div className="coordinator-scroll">
          <table className="coordinator-table">
            <thead>
              <tr>
                <th scope="col">{text.roundColumn}</th>
                <th scope="col">{text.idColumn}</th>
                <th scope="col">{text.clusterColumn}</th>
                <th scope="col">{text.versionColumn}</th>
                <th scope="col" className="coordinator-number">
                  {text.responsesColumn}
                </th>
                <th scope="col">{text.linksColumn}</th>
              </tr>
            </thead>
            <tbody>
              {result.value.map(({ round, versionLabel, responses }) => {
                const links = linksFor(round.id, pageUrl);
                return (
                  <tr key={round.id}>
                    <th scope="row">{round.label}</th>
                    <td>
                      <code>{round.id}</code>
                    </td>
                    <td>
                      {round.cluster}
                      {round.municipality === undefined ? "" : ` + ${round.municipality}`}
                    </td>
                    <td>{versionLabel}</td>
                    <td className="coordinator-number">{responses}</td>
                    <td>
                      <a href={links.results}>{text.resultsLink}</a>
                      {" · "}
                      <a href={links.meetingApp}>{text.meetingLink}</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
