import type { ClusterDetail, MemberRole } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useId, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { type ApiResult, refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import type { Locale } from "../messages.js";
import type { ClusterChoice } from "../session/chooseCluster.js";
import { shellMessages } from "../session/shellMessages.js";
import { useApiResult } from "../useApiResult.js";
import { adminMessages } from "./adminMessages.js";

export interface ClusterMembersProps {
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly cluster: ClusterChoice;
}

type Outcome = ActionOutcome;

const roles: readonly MemberRole[] = ["coordinator", "municipality"];

/** Who has which role in the cluster; KiAP gives and removes roles here. */
export function ClusterMembers(props: ClusterMembersProps): ReactElement {
  const { client, locale, cluster } = props;
  const text = adminMessages[locale];
  const roleName = shellMessages[locale].roles;
  const ids = useId();
  const [loaded] = useApiResult(cluster.id, () =>
    client.call("getCluster", { params: { cluster: cluster.id } }),
  );
  const [staff] = useApiResult("staff", () => client.call("listStaff"));
  // The reply of the last change replaces what was loaded.
  const [changed, setChanged] = useState<{ cluster: string; detail: ClusterDetail } | null>(null);
  const [person, setPerson] = useState("");
  const [role, setRole] = useState<MemberRole>("coordinator");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const detail =
    changed?.cluster === cluster.id
      ? changed.detail
      : loaded?.success === true
        ? loaded.data
        : undefined;
  const people = staff?.success === true ? staff.data.staff : [];

  async function change(
    run: () => Promise<ApiResult<ClusterDetail>>,
    done: string,
    lead: string,
  ): Promise<void> {
    setBusy(true);
    setOutcome(null);
    const result = await run();
    setBusy(false);
    if (!result.success) {
      setOutcome({ kind: "failed", lead, error: refusalOf(result) });
      return;
    }
    setChanged({ cluster: cluster.id, detail: result.data });
    setOutcome({ kind: "done", text: done });
  }

  function assign(event: FormEvent): void {
    event.preventDefault();
    const chosen = people.find((p) => p.id === person);
    if (chosen === undefined) {
      setOutcome({ kind: "missing", text: text.assignPick });
      document.getElementById(`${ids}-person`)?.focus();
      return;
    }
    void change(
      () =>
        client.call("setMember", {
          params: { cluster: cluster.id, staff: chosen.id },
          body: { role },
        }),
      text.assigned(chosen.name, roleName[role].toLocaleLowerCase(locale), cluster.name),
      text.assignFailed,
    );
  }

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{text.membersTitle(cluster.name)}</h3>
      {loaded?.success === false ? (
        <ApiErrorNotice error={refusalOf(loaded)} locale={locale} lead={text.clustersFailed} />
      ) : detail === undefined ? (
        <p aria-busy="true">{text.clustersLoading}</p>
      ) : detail.members.length === 0 ? (
        <p>{text.membersNone}</p>
      ) : (
        <div className="coordinator-scroll">
          <table className="coordinator-table">
            <thead>
              <tr>
                <th scope="col">{text.memberPerson}</th>
                <th scope="col">{text.memberRole}</th>
                <th scope="col">{text.memberActions}</th>
              </tr>
            </thead>
            <tbody>
              {detail.members.map((member) => (
                <tr key={member.staff.id}>
                  <th scope="row">
                    {member.staff.name}
                    <br />
                    <span className="coordinator-muted">{member.staff.email}</span>
                  </th>
                  <td>{roleName[member.role]}</td>
                  <td>
                    <button
                      type="button"
                      className="coordinator-button"
                      disabled={busy}
                      aria-label={text.removeRoleOf(member.staff.name)}
                      onClick={() =>
                        void change(
                          () =>
                            client.call("removeMember", {
                              params: { cluster: cluster.id, staff: member.staff.id },
                            }),
                          text.removed(member.staff.name, cluster.name),
                          text.removeFailed,
                        )
                      }
                    >
                      {text.removeRole}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form className="coordinator-form" onSubmit={assign}>
        <fieldset>
          <legend>{text.assignTitle}</legend>
          {staff?.success === true && people.length === 0 ? <p>{text.assignNoStaff}</p> : null}
          <div className="coordinator-field">
            <label htmlFor={`${ids}-person`}>{text.assignPerson}</label>
            <select id={`${ids}-person`} value={person} onChange={(e) => setPerson(e.target.value)}>
              <option value="">{text.assignChoose}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${p.name} (${p.email})`}
                </option>
              ))}
            </select>
          </div>
          <div className="coordinator-field">
            <label htmlFor={`${ids}-role`}>{text.assignRole}</label>
            <select
              id={`${ids}-role`}
              value={role}
              onChange={(e) => setRole(e.target.value as MemberRole)}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleName[r]}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="coordinator-button coordinator-button--primary"
            disabled={busy}
          >
            {text.assign}
          </button>
        </fieldset>
      </form>
      <ActionOutcomeRegion outcome={outcome} locale={locale} />
    </section>
  );
}
