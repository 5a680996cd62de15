/*
 * Check this record in the browser: a small first-party script, no third-party code.
 *
 * It downloads the site's published log key, the project's latest signed checkpoint and
 * every entry, then, in the visitor's own browser (WebCrypto: SHA-256 and Ed25519):
 *   1. checks the checkpoint's signature (a C2SP signed note) against the published key;
 *   2. recomputes each entry's fingerprint (RFC 9162 leaf hash) and the tree's root from
 *      all of them, and compares it with the signed root: every entry is included, in order;
 *   3. opens each content commitment it was shown (SHA-256 of salt and canonical JSON);
 *   4. compares the tree with the checkpoint this browser saw last time (kept in the
 *      browser's storage): the older tree must be the start of the newer one.
 * verifyLog() is pure (data in, result out) and is tested under Node against vectors the
 * Python ledger produces (tests/js/). The page part at the bottom only runs in a browser.
 */
(function (root) {
  "use strict";

  var subtle = root.crypto && root.crypto.subtle;
  var encoder = new TextEncoder();
  var SIG_PREFIX = "\u2014 ";

  function b64decode(s) {
    if (typeof s !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4) {
      return null;
    }
    var bin = root.atob(s);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function b64encode(bytes) {
    var bin = "";
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return root.btoa(bin);
  }

  function hex(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return s;
  }

  function equal(a, b) {
    if (!a || !b || a.length !== b.length) return false;
    var diff = 0;
    for (var i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  }

  function concat(parts) {
    var n = 0;
    parts.forEach(function (p) { n += p.length; });
    var out = new Uint8Array(n);
    var at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  async function sha256(bytes) {
    return new Uint8Array(await subtle.digest("SHA-256", bytes));
  }

  var LEAF = new Uint8Array([0]);
  var NODE = new Uint8Array([1]);

  function leafHash(leaf) { return sha256(concat([LEAF, leaf])); }
  function nodeHash(l, r) { return sha256(concat([NODE, l, r])); }

  /* RFC 9162 root of a list of leaf hashes, built level by level (an unpaired last node
   * moves up unchanged, which gives the same tree as the RFC's largest-power-of-two split). */
  async function rootOf(hashes) {
    if (hashes.length === 0) return sha256(new Uint8Array(0));
    var level = hashes;
    while (level.length > 1) {
      var pending = [];
      for (var i = 0; i + 1 < level.length; i += 2) pending.push(nodeHash(level[i], level[i + 1]));
      var next = await Promise.all(pending);
      if (level.length % 2) next.push(level[level.length - 1]);
      level = next;
    }
    return level[0];
  }

  /* RFC 8785 canonical JSON. JavaScript's own number and string forms are the RFC's. */
  function canonical(v) {
    if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
    if (typeof v === "number") {
      if (!isFinite(v)) throw new Error("not a JSON number");
      return JSON.stringify(v);
    }
    if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
    return "{" + Object.keys(v).sort().map(function (k) {
      return JSON.stringify(k) + ":" + canonical(v[k]);
    }).join(",") + "}";
  }

  /* A verifier key: name+hexid+base64(0x01 || 32-byte Ed25519 key). */
  async function parseKey(text) {
    var m = /^([^+\s]+)\+([0-9a-fA-F]{8})\+(\S+)$/.exec(String(text).trim());
    if (!m) return null;
    var parts = m.slice(1);
    var raw = b64decode(parts[2]);
    if (!raw || raw.length !== 33 || raw[0] !== 1) return null;
    var id = await sha256(concat([encoder.encode(parts[0] + "\n"), raw]));
    if (hex(id.slice(0, 4)) !== parts[1].toLowerCase()) return null;
    return { name: parts[0], id: parts[1].toLowerCase(), publicKey: raw.slice(1) };
  }

  /* A C2SP signed note holding a tlog checkpoint: origin, size, base64 root. */
  function parseNote(note) {
    var split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) return null;
    var text = note.slice(0, split + 1);
    var lines = text.slice(0, -1).split("\n");
    if (lines.length < 3 || !/^(0|[1-9][0-9]*)$/.test(lines[1])) return null;
    var rootHash = b64decode(lines[2]);
    if (!rootHash || rootHash.length !== 32) return null;
    var sigs = note.slice(split + 2, -1).split("\n").map(function (line) {
      if (!line.startsWith(SIG_PREFIX)) return null;
      var rest = line.slice(SIG_PREFIX.length);
      var space = rest.indexOf(" ");
      var raw = space > 0 ? b64decode(rest.slice(space + 1)) : null;
      if (!raw || raw.length < 5) return null;
      return { name: rest.slice(0, space), id: hex(raw.slice(0, 4)), signature: raw.slice(4) };
    });
    if (sigs.indexOf(null) >= 0) return null;
    return { text: text, origin: lines[0], size: Number(lines[1]), root: rootHash, sigs: sigs };
  }

  async function signatureChecks(key, cp) {
    var mine = cp.sigs.filter(function (s) { return s.name === key.name && s.id === key.id; });
    if (mine.length === 0) return "unsigned";
    var pub;
    try {
      pub = await subtle.importKey("raw", key.publicKey, { name: "Ed25519" }, false, ["verify"]);
    } catch (e) {
      return "unsupported";
    }
    var ok = await subtle.verify({ name: "Ed25519" }, pub, mine[0].signature, encoder.encode(cp.text));
    return ok ? "ok" : "bad";
  }

  function decodeLeaf(bytes) {
    try {
      return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (e) {
      return null;
    }
  }

  /*
   * Check a log. input: {key: verifier key text, note: signed checkpoint text, entries:
   * [{seq, leaf, leaf_hash, salt, content, sealed, erased}] (as the log API gives them, in
   * order from 0), lastSeen: {size, root (base64)} or null, onProgress(done, total)}.
   * Returns {ok, size, origin, root, signature, entries, opened, sealed, erased, newer,
   * lastSeen: "first" | "same" | "grew" | "forked" | "shrank", problems: [{kind, seq}]}.
   */
  async function verifyLog(input) {
    var progress = input.onProgress || function () {};
    var result = { ok: false, problems: [], entries: 0, opened: 0, sealed: 0, erased: 0, newer: 0 };
    function problem(kind, seq) { result.problems.push(seq === undefined ? { kind: kind } : { kind: kind, seq: seq }); }

    var key = await parseKey(input.key);
    if (!key) { problem("key"); return result; }
    var cp = parseNote(input.note || "");
    if (!cp) { problem("note"); return result; }
    result.size = cp.size;
    result.origin = cp.origin;
    result.root = b64encode(cp.root);
    result.signature = await signatureChecks(key, cp);
    if (result.signature !== "ok") problem("signature");

    async function checkOne(e, seq) {
      var leaf = b64decode(e.leaf);
      if (e.seq !== seq || !leaf) { problem("order", seq); return new Uint8Array(32); }
      var h = await leafHash(leaf);
      var given = e.leaf_hash === undefined ? h : b64decode(e.leaf_hash);
      if (!equal(h, given)) problem("leaf", seq);
      var header = decodeLeaf(leaf);
      if (!header || header.seq !== seq || header.origin !== cp.origin) problem("header", seq);
      if (header && header.sealed) result.sealed++;
      if (e.erased) result.erased++;
      var salt = e.salt ? b64decode(e.salt) : null;
      if (header && salt && e.content !== null && e.content !== undefined) {
        var opened = hex(await sha256(concat([salt, encoder.encode(canonical(e.content))])));
        if (opened === header.content_commitment) result.opened++;
        else problem("content", seq);
      }
      return h;
    }

    // The entries come as one list (input.entries), or as pages still downloading
    // (input.pages: promises of consecutive lists, in order), each checked as it arrives.
    var pages = input.pages || [Promise.resolve(input.entries || [])];
    var hashes = [];
    var received = 0;  // checked (the first cp.size entries)
    var delivered = 0;  // all the site sent, newer entries included
    var CHUNK = 500;
    for (var p = 0; p < pages.length; p++) {
      var page = await pages[p];
      delivered += page.length;
      for (var at = 0; at < page.length; at += CHUNK) {
        var first = received;
        var batch = page.slice(at, Math.min(at + CHUNK, at + cp.size - first));
        if (batch.length <= 0) break;
        var computed = await Promise.all(batch.map(function (e, i) { return checkOne(e, first + i); }));
        for (var j = 0; j < computed.length; j++) hashes.push(computed[j]);
        received += batch.length;
        result.entries = received;
        progress(received, cp.size);
      }
    }
    if (received < cp.size) { problem("missing", received); return result; }
    result.newer = delivered - cp.size;
    var computedRoot = await rootOf(hashes);
    if (!equal(computedRoot, cp.root)) problem("root");

    var last = input.lastSeen;
    result.lastSeen = "first";
    if (last && typeof last.size === "number") {
      if (last.size > cp.size) {
        result.lastSeen = "shrank";
        problem("shrank");
      } else {
        var before = await rootOf(hashes.slice(0, last.size));
        if (!equal(before, b64decode(last.root))) {
          result.lastSeen = "forked";
          problem("forked");
        } else {
          result.lastSeen = last.size === cp.size ? "same" : "grew";
        }
      }
    }
    function place(p) { return p.seq === undefined ? Infinity : p.seq; }
    result.problems.sort(function (a, b) { return place(a) - place(b) || (a.kind < b.kind ? -1 : 1); });
    result.ok = result.problems.length === 0;
    return result;
  }

  var api = {
    verifyLog: verifyLog, canonical: canonical, parseNote: parseNote, parseKey: parseKey,
    rootOf: rootOf, leafHash: leafHash,
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.WorkingsCheck = api;
})(typeof window !== "undefined" ? window : globalThis);
