import { type ReactElement, useId } from "react";
import type { ApiError } from "../api/apiResult.js";
import type { Locale } from "../messages.js";
import type { Access } from "./access.js";
import type { ClusterChoice } from "./chooseCluster.js";
import { shellMessages } from "./shellMessages.js";

export interface SessionBarProps {
  readonly locale: Locale;
  readonly name: string;
  readonly access: Access;
  readonly clusters: readonly ClusterChoice[];
  readonly chosen: ClusterChoice | undefined;
  readonly onChoose: (id: string) => void;
  readonly signingOut: boolean;
  readonly signOutError: ApiError | null;
  readonly onSignOut: () => void;
}

/** In the header: who is signed in, their role in the chosen cluster, the cluster picker, "Log ud". */
export function SessionBar(props: SessionBarProps): ReactElement {
  const { locale, name, access, clusters, chosen } = props;
  const text = shellMessages[locale];
  const pickerId = useId();
  const roles = [
    ...(access.admin ? [text.admin] : []),
    ...(chosen === undefined
      ? []
      : access.role !== null
        ? [text.roleIn(text.roles[access.role], chosen.name)]
        : access.admin
          ? []
          : [text.noRoleIn(chosen.name)]),
  ];

  return (
    <div className="coordinator-session">
      <p className="coordinator-session__who">
        <span className="coordinator-visually-hidden">{text.you} </span>
        <strong>{name}</strong>
        {roles.length > 0 ? <span> · {roles.join(" · ")}</span> : null}
      </p>
      {clusters.length > 1 ? (
        <div className="coordinator-session__picker">
          <label htmlFor={pickerId}>{text.clusterPicker}</label>
          <select
            id={pickerId}
            value={chosen?.id ?? ""}
            onChange={(e) => props.onChoose(e.target.value)}
          >
            {clusters.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button
        type="button"
        className="coordinator-button coordinator-button--quiet"
        disabled={props.signingOut}
        onClick={props.onSignOut}
      >
        {props.signingOut ? text.signingOut : text.signOut}
      </button>
      <div aria-live="assertive" className="coordinator-session__error">
        {props.signOutError === null
          ? null
          : `${text.signOutFailed} ${props.signOutError.message[locale]}`}
      </div>
    </div>
  );
}
