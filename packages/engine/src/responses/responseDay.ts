import type { Response } from "./response.js";

/** The UTC day of an ISO timestamp, as a timestamp at midnight: "2027-03-14T00:00:00.000Z". */
function dayOf(timestamp: string): string {
  return `${new Date(Date.parse(timestamp)).toISOString().slice(0, 10)}T00:00:00.000Z`;
}

/**
 * The response with its times cut to the day (UTC), as a collector stores it: a time of day
 * could be matched with a log, a door card or an invitation used a minute earlier, and nothing
 * the results show needs it. Expects a response `validateResponse` accepted.
 */
export function withDayPrecision(response: Response): Response {
  return {
    ...response,
    startedAt: dayOf(response.startedAt),
    ...(response.submittedAt === undefined ? {} : { submittedAt: dayOf(response.submittedAt) }),
  };
}
