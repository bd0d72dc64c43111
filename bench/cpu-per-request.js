// CPU per inbound message: posts a fixed number of Teams messages (2,000 users in 100 tenants, unique activity ids)
// to a running AlignBot, waits until the fake connector has every reply, and divides the bot process's CPU time
// (utime + stime from /proc/<pid>/stat) by the number of requests. CPU time counts only the bot's own work, so the
// figure holds up on a machine that others are using, where requests per second do not.
// Before counting, WARMUP requests (default 30,000) are posted unmeasured: on one core the runtime takes some 15 s of
// load to compile the hot code optimized, and a shorter warm-up measures the compiler as much as AlignBot.
//   node bench/cpu-per-request.js <bot url> <connector url> <bot pid> <requests> [connections] (run by cpu-per-request.sh)
'use strict';
const fs = require('fs');
const peerbench = process.env.PEERBENCH_DIR;
const autocannon = require(`${peerbench}/node_modules/autocannon`);
const { makeFactory } = require(`${peerbench}/lib/activity`);
const [url, connector, pid, amount, connections = '10'] = process.argv.slice(2);
const ticks = () => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks of 10 ms
};

async function post(tag, requests) {
  const factory = makeFactory({ serviceUrl: `${connector}/${tag}/`, users: 2000, tenants: 100, runTag: tag });
  const result = await new Promise((resolve, reject) => autocannon({
    url: `${url}/api/messages`, method: 'POST', connections: Number(connections), amount: requests, pipelining: 1, timeout: 10,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: factory.next().body }) }],
  }, (err, res) => (err ? reject(err) : resolve(res))));
  let stats, last = -1;
  for (let i = 0; i < 120; i++) { // until every reply is in, or the count stops moving
    await new Promise((r) => setTimeout(r, 250));
    stats = await (await fetch(`${connector}/stats/${tag}`)).json();
    if (stats.replies >= requests || stats.replies === last) break;
    last = stats.replies;
  }
  return { result, stats };
}

(async () => {
  await post(`warm${Date.now()}`, Number(process.env.WARMUP ?? 30000)); // JIT tiers and pools
  const requests = Number(amount);
  const before = ticks();
  const { result, stats } = await post(`run${Date.now()}`, requests);
  const cpuMs = (ticks() - before) * 10;
  console.log(`requests ${requests}, 2xx ${result['2xx']}, replies ${stats.replies} (distinct ${stats.distinctRepliedIds}); ` +
    `bot CPU ${cpuMs} ms = ${Math.round((cpuMs * 1000) / requests)} us per request; ${Math.round(result['2xx'] / result.duration)} rps, p99 ${result.latency.p99} ms`);
})();
