// A fault-injecting HTTP proxy on loopback, between lektion and the LRS, for
// the push tests' error cases. Requests pass through to UPSTREAM_PORT unless
// a fault is armed. Faults are armed by the test with
//   POST /__fault  {"status": 500, "times": 2}               answer 500 twice, then pass
//   POST /__fault  {"status": 429, "retryAfter": 1, "times": 1}
//   POST /__fault  {"status": 400, "whenBodyHas": "<id>"}    refuse every batch holding that id
//   POST /__fault  {"delayMs": 5000, "times": 1}             answer late (a slow LRS: a timeout)
//   POST /__fault  {"drop": true, "times": 1}                cut the connection (a network error)
//   POST /__fault  {}                                        pass everything again
// GET /__log gives every request seen: method, path, the headers that matter
// (Authorization shown only as present or not) and how it was answered.
//
//   node lrs_proxy.js LISTEN_PORT UPSTREAM_PORT
'use strict';
const http = require('http');

const [listenPort, upstreamPort] = process.argv.slice(2).map(Number);
let fault = {};
const log = [];

function answer(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', ...headers });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.url === '/__fault') {
      fault = JSON.parse(body.toString() || '{}');
      return answer(res, 200, { armed: fault });
    }
    if (req.url === '/__log') return answer(res, 200, log);
    const entry = {
      method: req.method, path: req.url, version: req.headers['x-experience-api-version'] || null,
      authorized: Boolean(req.headers.authorization), statements: 0, answer: null,
    };
    try { entry.statements = JSON.parse(body.toString()).length || 0; } catch (e) { /* not JSON */ }
    log.push(entry);
    const armed = fault.times === undefined || fault.times > 0;
    const applies = armed && (!fault.whenBodyHas || body.includes(fault.whenBodyHas));
    if (applies && (fault.status || fault.drop || fault.delayMs)) {
      if (fault.times !== undefined) fault.times--;
      if (fault.drop) {
        entry.answer = 'dropped';
        return req.socket.destroy();
      }
      if (fault.status) {
        entry.answer = fault.status;
        const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
        return answer(res, fault.status, { message: `injected HTTP ${fault.status}` }, headers);
      }
      entry.answer = `delayed ${fault.delayMs} ms`;
      return setTimeout(() => forward(req, res, body, entry), fault.delayMs);
    }
    forward(req, res, body, entry);
  });
});

function forward(req, res, body, entry) {
  const up = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
    (upRes) => {
      if (entry.answer === null) entry.answer = upRes.statusCode;
      res.writeHead(upRes.statusCode, upRes.headers);
      upRes.pipe(res);
    });
  up.on('error', () => { entry.answer = 'upstream down'; req.socket.destroy(); });
  up.end(body);
}

server.listen(listenPort, '127.0.0.1');
