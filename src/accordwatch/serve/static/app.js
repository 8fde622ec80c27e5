// accordwatch pages: small behaviours. Served from this origin only (the CSP forbids inline script).
// Document text never goes through innerHTML here: only classes and attributes change.
"use strict";

function autosubmit() {
  document.querySelectorAll(".autosubmit").forEach(function (el) {
    el.addEventListener("change", function () { if (el.form) el.form.submit(); });
  });
}

function markSpanFromHash() {
  var m = /^#s-(\d+)-(\d+)$/.exec(window.location.hash);
  var text = document.getElementById("doc-text");
  if (!m || !text) return;
  var a = parseInt(m[1], 10), b = parseInt(m[2], 10);
  text.querySelectorAll(".seg.hit").forEach(function (el) { el.classList.remove("hit"); });
  var first = null;
  text.querySelectorAll(".seg").forEach(function (el) {
    var sa = parseInt(el.dataset.a, 10), sb = parseInt(el.dataset.b, 10);
    if (sa >= a && sb <= b && sa < sb) {
      el.classList.add("hit");
      if (!first) first = el;
    }
  });
  if (first) first.scrollIntoView({block: "center"});
}

function kindToggles() {
  document.querySelectorAll(".kind-toggle").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.value, !box.checked);
    });
  });
  var removed = document.getElementById("toggle-removed");
  if (removed) {
    removed.addEventListener("change", function () {
      document.body.classList.toggle("show-removed", removed.checked);
    });
  }
}

document.addEventListener("DOMContentLoaded", function () {
  autosubmit();
  kindToggles();
  markSpanFromHash();
  window.addEventListener("hashchange", markSpanFromHash);
});
