/*
 * The "Check this record" page: runs WorkingsCheck.verifyLog (check.js) on the record this
 * site serves and says, in the words the page gave it (translated, in #check-messages),
 * what was checked and what it means. Remembers the last good checkpoint in localStorage.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-record-check]");
  if (!box || !window.WorkingsCheck || !window.crypto || !window.crypto.subtle) return;
  var words = JSON.parse(document.getElementById("check-messages").textContent);
  var nojs = document.querySelector("[data-check-nojs]");
  var button = box.querySelector("[data-check-start]");
  var progressBox = box.querySelector("[data-check-progress]");
  var bar = progressBox.querySelector("progress");
  var status = document.getElementById("check-status");
  var out = box.querySelector("[data-check-result]");
  var storeKey = "workings-check:" + box.dataset.slug;
  var PAGE = 1000;
  box.hidden = false;
  if (nojs) nojs.hidden = true;

  function say(name, values) {
    return (words[name] || name).replace(/\{(\w+)\}/g, function (all, k) {
      return values && k in values ? String(values[k]) : all;
    });
  }
  function number(n) { return Number(n).toLocaleString(document.documentElement.lang || undefined); }
  function day(iso) {
    return new Date(iso).toLocaleDateString(document.documentElement.lang || undefined,
      { day: "numeric", month: "long", year: "numeric" });
  }
  function progress(fraction, message) {
    bar.value = Math.round(fraction * 100);
    status.textContent = message;
  }
  function para(parent, text) {
    var p = document.createElement("p");
    p.textContent = text;
    parent.appendChild(p);
    return p;
  }
  function remembered() {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || "null"); } catch (e) { return null; }
  }

  async function text(url) {
    var r = await fetch(url, { credentials: "same-origin" });
    if (!r.ok) { var e = new Error("http " + r.status); e.status = r.status; throw e; }
    return r.text();
  }
  /* The entries as pages: one promise per 1,000 entries, fetched three at a time, so that
   * the check of the first pages runs while the later ones download. */
  function entryPages(size) {
    var starts = [];
    for (var s = 0; s < size; s += PAGE) starts.push(s);
    var resolvers = [];
    var pages = starts.map(function () {
      return new Promise(function (resolve, reject) { resolvers.push([resolve, reject]); });
    });
    var done = 0;
    var next = 0;
    async function worker() {
      while (next < starts.length) {
        var i = next++;
        var url = box.dataset.entriesUrl + "?start=" + starts[i] + "&end=" + Math.min(starts[i] + PAGE, size);
        try {
          var list = JSON.parse(await text(url)).entries;
          done += list.length;
          status.textContent = say("downloading", { done: number(done), total: number(size) });
          resolvers[i][0](list);
        } catch (e) {
          resolvers[i][1](e);
        }
      }
    }
    for (var w = 0; w < 3; w++) worker();
    return pages;
  }

  function show(result, last) {
    out.textContent = "";
    var panel = document.createElement("div");
    panel.className = result.ok ? "check-ok" : "check-bad";
    out.appendChild(panel);
    var n = number(result.size);
    var when = last ? day(last.at) : "";
    if (result.ok) {
      var head = say("ok", { n: n }) + " ";
      if (result.lastSeen === "same") head += say("ok_same", { date: when });
      else if (result.lastSeen === "grew") {
        head += say("ok_grew", { old: number(last.size), date: when, added: number(result.size - last.size) });
      }
      para(panel, head);
      if (result.lastSeen === "first") para(panel, say("ok_first"));
      var list = document.createElement("ul");
      panel.appendChild(list);
      [["did_signature", 1], ["did_entries", result.size], ["did_opened", result.opened],
        ["did_private", result.sealed], ["did_erased", result.erased], ["newer", result.newer]]
        .forEach(function (item) {
          if (!item[1]) return;
          var li = document.createElement("li");
          li.textContent = say(item[0], { n: number(item[1]) });
          list.appendChild(li);
        });
    } else {
      para(panel, say("bad"));
      var problems = document.createElement("ul");
      panel.appendChild(problems);
      result.problems.forEach(function (p) {
        var kind = p.kind === "signature" && result.signature === "unsupported" ? "unsupported" : p.kind;
        var li = document.createElement("li");
        li.textContent = say(kind, { seq: p.seq, n: n, got: number(p.seq || 0), date: when });
        problems.appendChild(li);
      });
      para(panel, say("bad_meaning"));
    }
    progress(1, say("done"));
    progressBox.hidden = true;
    out.focus();
  }

  function fail(name) {
    out.textContent = "";
    var panel = document.createElement("div");
    panel.className = name === "empty" ? "" : "check-bad";
    out.appendChild(panel);
    para(panel, say(name));
    status.textContent = say("done");
    progressBox.hidden = true;
    out.focus();
  }

  async function run() {
    button.disabled = true;
    progressBox.hidden = false;
    out.textContent = "";
    progress(0, say("start"));
    try {
      var key, note;
      try {
        key = await text(box.dataset.keyUrl);
        note = await text(box.dataset.checkpointUrl);
      } catch (e) {
        fail(e.status === 404 ? "empty" : "network");
        return;
      }
      var cp = window.WorkingsCheck.parseNote(note);
      var last = remembered();
      var result = await window.WorkingsCheck.verifyLog({
        key: key, note: note, pages: cp ? entryPages(cp.size) : [], lastSeen: last,
        onProgress: function (done, total) {
          progress(total ? done / total : 1, say("checking", { done: number(done), total: number(total) }));
        },
      });
      if (result.ok) {
        try {
          window.localStorage.setItem(storeKey, JSON.stringify({
            size: result.size, root: result.root, at: new Date().toISOString(),
          }));
        } catch (e) { /* storage may be switched off: the check still stands */ }
      }
      show(result, last);
    } catch (e) {
      fail("network");
    } finally {
      button.disabled = false;
    }
  }
  button.addEventListener("click", run);
})();
