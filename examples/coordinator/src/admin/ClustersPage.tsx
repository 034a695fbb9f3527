import { defaultK } from "@klynge/engine";
import { type Cluster, retentionLimits } from "@klynge/engine/contract";
import { type ReactElement, useId, useState } from "react";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import { PageHeading } from "../PageHeading.js";
import type { PageProps } from "../pageProps.js";
import type { Loadable } from "../useApiResult.js";
import { adminMessages } from "./adminMessages.js";
import { ClusterForm, type ClusterValues } from "./ClusterForm.js";
import { ClusterMembers } from "./ClusterMembers.js";

export interface ClustersPageProps extends PageProps {
  /** Every cluster (`GET /api/clusters`), as the header's picker has them. */
  readonly clusters: Loadable<{ readonly clusters: readonly Cluster[] }>;
  readonly chosen: string | null;
  readonly onChoose: (id: string) => void;
  /** Reads the clusters again after one was created or changed. */
  readonly onClustersChanged: () => Promise<void>;
}

const emptyCluster: ClusterValues = {
  id: "",
  name: "",
  municipalities: [],
  k: defaultK,
  retentionMonths: retentionLimits.default,
};

/**
 * "Klynger" (KiAP): every cluster with its rules; the chosen one's rules and roles can be changed
 * here, and new clusters created.
 */
export function ClustersPage(props: ClustersPageProps): ReactElement {
  const { client, locale, clusters, chosen, onChoose, onClustersChanged } = props;
  const text = adminMessages[locale];
  const ids = useId();
  const [notice, setNotice] = useState<string | null>(null);
  // A new form after each created cluster, so its fields start empty again.
  const [createdCount, setCreatedCount] = useState(0);
  const list = clusters?.success === true ? clusters.data.clusters : [];
  const current = list.find((c) => c.id === chosen);

  return (
    <section aria-labelledby={`${ids}-title`}>
      <PageHeading id={`${ids}-title`}>{text.clustersTitle}</PageHeading>
      <p>{text.clustersIntro}</p>
      {clusters === undefined ? (
        <p aria-busy="true">{text.clustersLoading}</p>
      ) : !clusters.success ? (
        <ApiErrorNotice error={refusalOf(clusters)} locale={locale} lead={text.clustersFailed} />
      ) : list.length === 0 ? (
        <p>{text.clustersNone}</p>
      ) : (
        <div className="coordinator-scroll">
          <table className="coordinator-table">
            <thead>
              <tr>
                <th scope="col">{text.clusterName}</th>
                <th scope="col">{text.clusterMunicipalities}</th>
                <th scope="col" className="coordinator-number">
                  {text.clusterK}
                </th>
                <th scope="col">{text.clusterRetention}</th>
                <th scope="col">
                  <span className="coordinator-visually-hidden">{text.choose}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((cluster) => (
                <tr key={cluster.id}>
                  <th scope="row">{cluster.name}</th>
                  <td>
                    {cluster.municipalities.length === 0
                      ? text.noneListed
                      : cluster.municipalities.join(", ")}
                  </td>
                  <td className="coordinator-number">{cluster.k}</td>
                  <td>{text.months(cluster.retentionMonths)}</td>
                  <td>
                    {cluster.id === chosen ? (
                      <strong>{text.chosen}</strong>
                    ) : (
                      <button
                        type="button"
                        className="coordinator-button"
                        onClick={() => onChoose(cluster.id)}
                      >
                        {text.choose}
                        <span className="coordinator-visually-hidden"> {cluster.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div aria-live="polite">
        {notice === null ? null : (
          <p role="status" className="coordinator-notice">
            {notice}
          </p>
        )}
      </div>

      {current === undefined ? null : (
        <div className="coordinator-panel">
          <section aria-labelledby={`${ids}-settings`}>
            <h3 id={`${ids}-settings`}>{text.settingsTitle(current.name)}</h3>
            <ClusterForm
              key={current.id}
              locale={locale}
              mode="edit"
              initial={current}
              submitLabel={text.save}
              busyLabel={text.saving}
              failedLead={text.saveFailed}
              onSubmit={async ({ name, municipalities, k, retentionMonths }) => {
                setNotice(null);
                const result = await client.call("updateCluster", {
                  params: { cluster: current.id },
                  body: { name, municipalities: [...municipalities], k, retentionMonths },
                });
                if (!result.success) return refusalOf(result);
                setNotice(text.saved(result.data.cluster.name));
                await onClustersChanged();
                return null;
              }}
            />
          </section>
          <ClusterMembers client={client} locale={locale} cluster={current} />
        </div>
      )}

      <section aria-labelledby={`${ids}-create`} className="coordinator-panel">
        <h3 id={`${ids}-create`}>{text.createTitle}</h3>
        <ClusterForm
          key={createdCount}
          locale={locale}
          mode="create"
          initial={emptyCluster}
          submitLabel={text.create}
          busyLabel={text.creating}
          failedLead={text.createFailed}
          onSubmit={async (values) => {
            setNotice(null);
            const result = await client.call("createCluster", {
              body: { ...values, municipalities: [...values.municipalities] },
            });
            if (!result.success) return refusalOf(result);
            setNotice(text.created(result.data.cluster.name));
            await onClustersChanged();
            onChoose(result.data.cluster.id);
            setCreatedCount((n) => n + 1);
            return null;
          }}
        />
      </section>
    </section>
  );
}
