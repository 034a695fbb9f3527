import type { ApiClient } from "./api/createApiClient.js";
import type { AppServices } from "./appServices.js";
import type { Locale } from "./messages.js";
import type { Access } from "./session/access.js";
import type { ClusterChoice } from "./session/chooseCluster.js";

/** What every page gets. */
export interface PageProps {
  readonly client: ApiClient;
  readonly locale: Locale;
  readonly services: AppServices;
  readonly access: Access;
}

/** A page about the chosen cluster. */
export interface ClusterPageProps extends PageProps {
  readonly cluster: ClusterChoice;
}
