// Reads every statement an LRS holds, following "more" from page to page,
// and writes them as one JSON array, in the order the LRS gave them.
//
//   node lrs_read.js BASE_URL OUT.json      (BASE_URL: http://127.0.0.1:PORT)
'use strict';
const fs = require('fs');
const http = require('http');

const [base, out] = process.argv.slice(2);

function get(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, {
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic ' + Buffer.from('reader:x').toString('base64') },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${url}: HTTP ${res.statusCode}: ${body}`))));
    });
    req.on('error', reject);
  });
}

(async () => {
  const all = [];
  let next = '/xAPI/statements?limit=100';
  let pages = 0;
  while (next) {
    const page = await get(base + next);
    all.push(...page.statements);
    next = page.more;
    pages++;
  }
  fs.writeFileSync(out, JSON.stringify(all));
  console.log(`${all.length} statements read in ${pages} pages`);
})().catch((e) => { console.error(`lrs_read: ${e.message}`); process.exit(1); });
