import type { AuditEntry } from "@klynge/engine/contract";
import { type ReactElement, useEffect, useId, useMemo, useRef, useState } from "react";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { type ApiError, refusalOf } from "../api/apiResult.js";
import { formatDateTime } from "../format.js";
import { PageHeading } from "../PageHeading.js";
import type { PageProps } from "../pageProps.js";
import type { ClusterChoice } from "../session/chooseCluster.js";
import { shellMessages } from "../session/shellMessages.js";
import { useApiResult } from "../useApiResult.js";
import { adminMessages } from "./adminMessages.js";
import { describeTarget } from "./describeTarget.js";

export interface AuditPageProps extends PageProps {
  /** To name the clusters by their names. */
  readonly clusters: readonly ClusterChoice[];
}

interface Older {
  readonly entries: readonly AuditEntry[];
  readonly next: string | null;
}

/** "Revisionslog" (KiAP): the audit trail, newest first, a page at a time ("Vis ældre hændelser"). */
export function AuditPage(props: AuditPageProps): ReactElement {
  const { client, locale, clusters } = props;
  const text = adminMessages[locale];
  const roles = shellMessages[locale].roles;
  const ids = useId();
  const [first] = useApiResult("audit", () => client.call("listAudit"));
  const [staff] = useApiResult("staff", () => client.call("listStaff"));
  const [older, setOlder] = useState<Older | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const end = useRef<HTMLParagraphElement>(null);

  const names = useMemo(
    () => new Map(staff?.success === true ? staff.data.staff.map((s) => [s.id, s.name]) : []),
    [staff],
  );
  const clusterName = (id: string | null) =>
    id === null ? "" : (clusters.find((c) => c.id === id)?.name ?? id);

  // Newest first by id, as the contract promises, whatever order a page arrives in.
  const entries =
    first?.success === true
      ? [...first.data.entries, ...(older?.entries ?? [])].sort((a, b) => b.id - a.id)
      : [];
  const next = older === null ? (first?.success === true ? first.data.next : null) : older.next;

  // The last page took the button away: keep the focus where the button was.
  const reachedEnd = older !== null && older.next === null;
  useEffect(() => {
    if (reachedEnd) end.current?.focus();
  }, [reachedEnd]);

  async function loadMore(): Promise<void> {
    if (next === null) return;
    setLoadingMore(true);
    setMoreError(null);
    const result = await client.call("listAudit", { query: { before: next } });
    setLoadingMore(false);
    if (!result.success) {
      setMoreError(refusalOf(result));
      return;
    }
    setOlder({
      entries: [...(older?.entries ?? []), ...result.data.entries],
      next: result.data.next,
    });
  }

  return (
    <section aria-labelledby={`${ids}-title`}>
      <PageHeading id={`${ids}-title`}>{text.auditTitle}</PageHeading>
      <p>{text.auditIntro}</p>
      {first === undefined ? (
        <p aria-busy="true">{text.auditLoading}</p>
      ) : !first.success ? (
        <ApiErrorNotice error={refusalOf(first)} locale={locale} lead={text.auditFailed} />
      ) : entries.length === 0 ? (
        <p>{text.auditNone}</p>
      ) : (
        <div className="coordinator-scroll">
          <table className="coordinator-table coordinator-audit">
            <caption className="coordinator-visually-hidden">{text.auditTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{text.auditWhen}</th>
                <th scope="col">{text.auditWho}</th>
                <th scope="col">{text.auditWhat}</th>
                <th scope="col">{text.auditCluster}</th>
                <th scope="col">{text.auditTarget}</th>
                <th scope="col">{text.auditOutcome}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr
                  key={entry.id}
                  className={entry.outcome === "refused" ? "coordinator-refused" : undefined}
                >
                  <td>{formatDateTime(entry.at, locale)}</td>
                  <td>{entry.actor === "system" ? text.systemActor : entry.actor}</td>
                  <th scope="row">{text.actions[entry.action]}</th>
                  <td>{clusterName(entry.cluster)}</td>
                  <td>{entry.target === null ? "" : describeTarget(entry.target, names, roles)}</td>
                  <td>{entry.outcome === "ok" ? text.outcomeOk : text.outcomeRefused}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {first?.success === true ? (
        <div className="coordinator-toolbar">
          {next === null ? (
            <p ref={end} tabIndex={-1}>
              {text.auditEnd}
            </p>
          ) : (
            <button
              type="button"
              className="coordinator-button"
              disabled={loadingMore}
              onClick={() => void loadMore()}
            >
              {loadingMore ? text.auditLoadingMore : text.auditMore}
            </button>
          )}
        </div>
      ) : null}
      <div aria-live="polite">
        {older === null ? null : <p role="status">{text.auditShown(entries.length)}</p>}
        {moreError === null ? null : (
          <ApiErrorNotice error={moreError} locale={locale} lead={text.auditFailed} />
        )}
      </div>
    </section>
  );
}
