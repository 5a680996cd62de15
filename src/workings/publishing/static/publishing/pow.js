// Optional small proof of work for the comment form (progressive enhancement). Without
// JavaScript the form works as it is; with it, the browser solves a puzzle while the
// person writes, which lifts the per-address limit for people sharing one connection.
(function () {
  "use strict";
  var form = document.querySelector("form[data-pow-bits]");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) { return; }
  var bits = parseInt(form.getAttribute("data-pow-bits"), 10);
  var puzzle = form.querySelector("input[name=pow_puzzle]").value;
  var answer = form.querySelector("input[name=pow_answer]");
  var encoder = new TextEncoder();
  function zeroBits(bytes) {
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { n += 8; continue; }
      for (var b = 7; b >= 0; b--) { if (bytes[i] & (1 << b)) { return n; } n++; }
    }
    return n;
  }
  function attempt(nonce) {
    var tries = [];
    for (var i = 0; i < 256; i++) {
      tries.push(window.crypto.subtle.digest("SHA-256", encoder.encode(puzzle + ":" + (nonce + i))));
    }
    Promise.all(tries).then(function (digests) {
      for (var j = 0; j < digests.length; j++) {
        if (zeroBits(new Uint8Array(digests[j])) >= bits) { answer.value = String(nonce + j); return; }
      }
      if (nonce < 4000000) { window.setTimeout(function () { attempt(nonce + 256); }, 0); }
    });
  }
  attempt(0);
})();
