// The load bench's client, in a worker thread so it does not share the server's event loop:
// PUTs every request with `concurrency` in flight over keep-alive HTTP/1.1 connections.
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

// `bases`: the servers, taken in turn (request i goes to bases[i % bases.length]).
const { bases, path, requests, concurrency } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

/** @param {{ id: string, body: string, base: string, headers?: Record<string, string> }} one */
function put(one) {
  return new Promise((resolve, reject) => {
    const req = request(
      `${one.base}${path}${one.id}`,
      {
        method: "PUT",
        agent,
        headers: {
          ...one.headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(one.body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(one.body);
  });
}

let next = 0;
/** @type {Record<string, number>} */
const statuses = {};
/** @type {number[]} */
const latencies = [];
const begin = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const i = next++;
      const one = { ...requests[i], base: bases[i % bases.length] };
      const sent = performance.now();
      const status = await put(one);
      latencies.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }),
);
agent.destroy();
parentPort?.postMessage({ seconds: (performance.now() - begin) / 1000, statuses, latencies });
