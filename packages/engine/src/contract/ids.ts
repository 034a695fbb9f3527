import * as z from "zod/mini";
import { roundIdSchema } from "../responses/response.js";
import { hashPattern } from "../versions/questionnaireVersion.js";

/** A cluster's id, also the prefix of its rounds' ids: "klynge-syd" → "klynge-syd.2027-03". */
export const clusterIdPattern = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const clusterIdSchema = z.string().check(z.regex(clusterIdPattern));

export { roundIdSchema };
export const uuidSchema = z.uuid();
export const versionHashSchema = z.string().check(z.regex(hashPattern));

/** A calendar day, "2027-03-14": the finest time the service keeps about answers. */
export const daySchema = z.iso.date();

/** Whether `roundId` belongs to `clusterId` (its id starts with the cluster's id and a dot). */
export function roundBelongsTo(roundId: string, clusterId: string): boolean {
  return roundId.startsWith(`${clusterId}.`) && roundId.length > clusterId.length + 1;
}
