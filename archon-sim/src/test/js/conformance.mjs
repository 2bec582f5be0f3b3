// Drives archon-sim's Home Assistant simulator with the official home-assistant-js-websocket
// client: connect, authenticate, subscribeEntities sees every entity, callService changes a
// state that the subscription then sees, and after the simulator drops the socket the client
// reconnects and resubscribes.
//
// Usage: node conformance.mjs <http base url> <token>
import WebSocket from "ws";
import {
  callService,
  createConnection,
  createLongLivedTokenAuth,
  subscribeEntities,
} from "home-assistant-js-websocket";

globalThis.WebSocket = WebSocket;

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  console.error("usage: node conformance.mjs <url> <token>");
  process.exit(2);
}

const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };

function waitFor(predicate, what, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      let value;
      try {
        value = predicate();
      } catch (err) {
        value = undefined;
      }
      if (value) {
        clearInterval(timer);
        resolve(value);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 20);
  });
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
  console.log(`ok - ${message}`);
}

async function main() {
  const statesResponse = await fetch(`${baseUrl}/api/states`, { headers });
  const expected = (await statesResponse.json()).map((state) => state.entity_id).sort();
  check(expected.length > 0, `REST lists ${expected.length} entities`);

  const auth = createLongLivedTokenAuth(baseUrl, token);
  const connection = await createConnection({ auth });
  check(typeof connection.haVersion === "string" && connection.haVersion.length > 0,
    `authenticated, ha_version ${connection.haVersion}`);

  let entities = {};
  subscribeEntities(connection, (value) => {
    entities = value;
  });
  await waitFor(() => Object.keys(entities).length === expected.length, "every entity");
  check(JSON.stringify(Object.keys(entities).sort()) === JSON.stringify(expected),
    "subscribeEntities sees every entity");
  const kitchen = entities["light.kitchen"];
  check(kitchen && typeof kitchen.last_changed === "string" && kitchen.context && kitchen.context.id,
    "entities carry last_changed and a context");

  const target = entities["light.kitchen"].state === "on" ? "off" : "on";
  await callService(connection, "light", `turn_${target}`, target === "on" ? { brightness: 77 } : undefined,
    { entity_id: "light.kitchen" });
  await waitFor(() => entities["light.kitchen"].state === target, `light.kitchen ${target}`);
  check(true, `callService turned light.kitchen ${target} and the subscription saw it`);
  if (target === "on") {
    check(entities["light.kitchen"].attributes.brightness === 77, "brightness attribute follows");
  }

  let disconnected = 0;
  let readies = 0;
  connection.addEventListener("disconnected", () => {
    disconnected += 1;
  });
  connection.addEventListener("ready", () => {
    readies += 1;
  });
  const drop = await fetch(`${baseUrl}/_sim/ha/faults`, {
    method: "POST",
    headers,
    body: JSON.stringify({ mode: "drop-websocket" }),
  });
  check(drop.ok, "simulator dropped the WebSocket");
  await waitFor(() => disconnected >= 1, "disconnect event");
  check(true, "client noticed the drop");
  await waitFor(() => readies >= 1, "reconnect", 30000);
  check(true, "client reconnected");

  const back = target === "on" ? "off" : "on";
  await callService(connection, "light", `turn_${back}`, undefined, { entity_id: "light.kitchen" });
  await waitFor(() => entities["light.kitchen"].state === back, `light.kitchen ${back} after reconnect`);
  check(true, `resubscribed: saw light.kitchen ${back} after the reconnect`);

  const lockResponse = await fetch(`${baseUrl}/api/services/lock/unlock`, {
    method: "POST",
    headers,
    body: JSON.stringify({ entity_id: "lock.front_door" }),
  });
  check(lockResponse.ok, "REST service call accepted");
  await waitFor(() => entities["lock.front_door"].state === "unlocked", "lock.front_door unlocked");
  check(true, "a REST change reached the WebSocket subscription");

  connection.close();
  console.log("CONFORMANCE OK");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`not ok - ${err.message}`);
    process.exit(1);
  },
);
