import { type ReactElement, useId } from "react";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import { PageHeading } from "../PageHeading.js";
import type { ClusterPageProps } from "../pageProps.js";
import { may } from "../session/access.js";
import { useApiResult } from "../useApiResult.js";
import { routeHash } from "../useHashRoute.js";
import { RoundCard } from "./RoundCard.js";
import { roundMessages } from "./roundMessages.js";

/**
 * "Runder": the chosen cluster's rounds with their response counts and dates; a coordinator also
 * gets the round's links and actions. A municipality contact and KiAP's admin read only.
 */
export function RoundsPage(props: ClusterPageProps): ReactElement {
  const { client, locale, cluster, access, services } = props;
  const text = roundMessages[locale];
  const titleId = useId();
  const params = { cluster: cluster.id };
  const [rounds, reload] = useApiResult(cluster.id, () => client.call("listRounds", { params }));
  const [detail] = useApiResult(cluster.id, () => client.call("getCluster", { params }));
  const coordinator = may.coordinate(access);

  return (
    <section aria-labelledby={titleId}>
      <PageHeading id={titleId}>{text.roundsTitle(cluster.name)}</PageHeading>
      <p>{coordinator ? text.roundsIntroCoordinator : text.roundsIntro}</p>
      {detail?.success === true ? (
        <p className="coordinator-muted">{text.retention(detail.data.cluster.retentionMonths)}</p>
      ) : null}
      {coordinator ? (
        <p>
          <a href={routeHash({ page: "new-round" })}>{text.newRoundLink}</a>
        </p>
      ) : null}
      {rounds === undefined ? (
        <p aria-busy="true">{text.roundsLoading}</p>
      ) : !rounds.success ? (
        <ApiErrorNotice error={refusalOf(rounds)} locale={locale} lead={text.roundsFailed} />
      ) : rounds.data.rounds.length === 0 ? (
        <p>{text.roundsNone}</p>
      ) : (
        <ul className="coordinator-cards">
          {rounds.data.rounds.map((entry) => (
            <li key={entry.round.id}>
              <RoundCard
                entry={entry}
                access={access}
                client={client}
                locale={locale}
                pageUrl={services.pageUrl()}
                saveFile={services.saveFile}
                onChanged={reload}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
