// The in-browser checker against the vectors the Python ledger makes (vectors.py beside
// this file). Run: node --test tests/events/js/ (scripts/test.sh does, when node is there).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const check = require("../../../src/workings/events/static/events/check.js");
const vectors = JSON.parse(readFileSync(new URL("./vectors.json", import.meta.url), "utf-8"));

for (const c of vectors.cases) {
  test(c.name, async () => {
    const seen = [];
    const result = await check.verifyLog({
      key: c.key,
      note: c.note,
      entries: vectors.logs[c.entries],
      lastSeen: c.last_seen,
      onProgress: (done, total) => seen.push([done, total]),
    });
    assert.equal(result.ok, c.expect.ok);
    assert.deepEqual(result.problems, c.expect.problems);
    for (const [name, field] of [["last_seen", "lastSeen"], ["opened", "opened"],
      ["sealed", "sealed"], ["erased", "erased"], ["newer", "newer"]]) {
      if (name in c.expect) assert.equal(result[field], c.expect[name], name);
    }
    if (result.ok) assert.deepEqual(seen.at(-1), [result.size, result.size]);
  });
}

test("canonical JSON sorts keys and keeps JavaScript's number and string forms", () => {
  assert.equal(check.canonical({ b: [1, 2.5, "é\n"], a: null, "€": true }),
    '{"a":null,"b":[1,2.5,"é\\n"],"€":true}');
});

test("the root of no entries is the hash of nothing", async () => {
  const r = await check.rootOf([]);
  assert.equal(Buffer.from(r).toString("hex"),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
});

test("10,000 entries are checked in a few seconds", async () => {
  const hashes = [];
  const start = performance.now();
  for (let i = 0; i < 10000; i++) hashes.push(check.leafHash(new Uint8Array([i & 255, i >> 8])));
  await check.rootOf(await Promise.all(hashes));
  assert.ok(performance.now() - start < 5000);
});

test("pages still downloading are checked as they arrive, in order", async () => {
  const good = vectors.cases[0];
  const entries = vectors.logs[good.entries];
  const later = (list, ms) => new Promise((resolve) => setTimeout(() => resolve(list), ms));
  const pages = [later(entries.slice(0, 10), 30), later(entries.slice(10, 20), 5),
    later(entries.slice(20), 1)];
  const result = await check.verifyLog({ key: good.key, note: good.note, pages });
  assert.equal(result.ok, true);
  assert.equal(result.entries, entries.length);
  const short = await check.verifyLog({ key: good.key, note: good.note,
    pages: [Promise.resolve(entries.slice(0, 10))] });
  assert.deepEqual(short.problems, [{ kind: "missing", seq: 10 }]);
});
