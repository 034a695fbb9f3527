import { useMemo } from "react";
import type { ApiClient } from "./api/createApiClient.js";
import {
  bankTemplateChoices,
  type TemplateChoice,
  templateChoicesFrom,
} from "./templateChoices.js";
import { useApiResult } from "./useApiResult.js";

/**
 * The questionnaires a round can start from: the service's packages (bank and uploaded, newest
 * version of each); the bank's templates while they load or when the list cannot be had.
 */
export function useTemplateChoices(client: ApiClient): readonly TemplateChoice[] {
  const [listed] = useApiResult("packages", () => client.call("listPackages"));
  return useMemo(() => {
    if (listed?.success !== true) return bankTemplateChoices;
    const choices = templateChoicesFrom(listed.data.packages);
    return choices.length > 0 ? choices : bankTemplateChoices;
  }, [listed]);
}
