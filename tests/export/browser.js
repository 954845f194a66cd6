// Debian's chromium under puppeteer-core, for the browser-export tests:
// headless, no sandbox when run as root (CI), and every request a page makes
// collected so that a test can check none leaves the export.
"use strict";
const path = require("path");
const { pathToFileURL } = require("url");

function load(nodeDir, name) {
  return require(path.resolve(nodeDir, "node_modules", name));
}

async function launch(nodeDir) {
  const puppeteer = load(nodeDir, "puppeteer-core");
  const args = ["--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    "--disable-extensions", "--disable-background-networking"];
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  return puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args,
    headless: true, protocolTimeout: 60000 });
}

// A page whose requests are recorded, and whose script errors fail the test.
async function page(browser, errors) {
  const p = await browser.newPage();
  p.requests = [];
  p.on("request", (r) => p.requests.push(r.url()));
  p.on("pageerror", (e) => errors.push(String(e)));
  p.on("console", (m) => { if (m.type() === "error") errors.push("console: " + m.text()); });
  return p;
}

function fileUrl(file) { return pathToFileURL(file).href; }

// Requests outside `root` (a folder): none may be made.
function outside(requests, root) {
  const base = fileUrl(root) + "/";
  return requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:"));
}

module.exports = { load, launch, page, fileUrl, outside };
