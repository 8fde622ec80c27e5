// The interactive timeline: events from /api/events (same filters as the page), drawn as SVG.
// Wheel zooms around the pointer, dragging pans, a dot opens its event. Labels use textContent only.
"use strict";

var SVG = "http://www.w3.org/2000/svg";
var DAY = 86400000;

function svgEl(name, attrs) {
  var el = document.createElementNS(SVG, name);
  Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
  return el;
}

function parseDay(s) { return s ? Date.parse(s + "T00:00:00Z") : NaN; }

async function fetchAll(url) {
  var out = [];
  while (url) {
    var resp = await fetch(url + (url.indexOf("limit=") < 0 ? (url.indexOf("?") < 0 ? "?" : "&") + "limit=500" : ""));
    if (!resp.ok) break;
    var body = await resp.json();
    out = out.concat(body.data);
    url = body.meta.next;
  }
  return out;
}

function ticks(lo, hi) {
  var span = hi - lo, out = [], step;
  if (span > 3 * 365 * DAY) step = "year"; else if (span > 90 * DAY) step = "month"; else step = "day";
  var unit = step === "year" ? 365 * DAY : step === "month" ? 30 * DAY : DAY;
  var every = niceStep(span / unit / 10);
  var d = alignedStart(lo, step, every);
  while (d.getTime() <= hi && out.length < 60) {
    if (d.getTime() >= lo) out.push(new Date(d.getTime()));
    if (step === "year") d.setUTCFullYear(d.getUTCFullYear() + every);
    else if (step === "month") d.setUTCMonth(d.getUTCMonth() + every);
    else d.setUTCDate(d.getUTCDate() + every);
  }
  return {dates: out, step: step};
}

function niceStep(raw) {
  // 1, 2, 5, 10, 20, 50 ... units between ticks, so that years read 2000, 2010, 2020.
  var steps = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
  for (var i = 0; i < steps.length; i++) if (steps[i] >= raw) return steps[i];
  return steps[steps.length - 1];
}

function alignedStart(lo, step, every) {
  var d = new Date(lo);
  if (step === "year") return new Date(Date.UTC(Math.floor(d.getUTCFullYear() / every) * every, 0, 1));
  if (step === "month") return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function label(d, step) {
  var iso = d.toISOString();
  return step === "year" ? iso.slice(0, 4) : step === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
}

function Timeline(box, events) {
  this.box = box;
  this.events = events.filter(function (e) { return !isNaN(parseDay(e.date_start)); });
  this.types = Array.from(new Set(this.events.map(function (e) { return e.type; }))).sort();
  var starts = this.events.map(function (e) { return parseDay(e.date_start); });
  var ends = this.events.map(function (e) { return parseDay(e.date_end) + DAY; });
  this.full = padded(Math.min.apply(null, starts), Math.max.apply(null, ends));
  // Open on where most events are: a few far-off dates (a law of 1701) would squash the rest.
  this.view = starts.length >= 20 ? padded(quantile(starts, 0.03), quantile(ends, 0.97)) : this.full.slice();
}

function padded(lo, hi) {
  var pad = Math.max((hi - lo) * 0.03, 15 * DAY);
  return [lo - pad, hi + pad];
}

function quantile(values, q) {
  var sorted = values.slice().sort(function (a, b) { return a - b; });
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

Timeline.prototype.draw = function () {
  var box = this.box, self = this;
  while (box.firstChild) box.removeChild(box.firstChild);
  var width = box.clientWidth || 900, left = 110, right = 20, rowH = 26, top = 10;
  var height = top + rowH * Math.max(this.types.length, 1) + 40;
  var svg = svgEl("svg", {width: width, height: height, role: "img"});
  var lo = this.view[0], hi = this.view[1];
  var x = function (t) { return left + (t - lo) / (hi - lo) * (width - left - right); };
  this.x = x; this.left = left; this.right = right; this.width = width;
  var axisY = top + rowH * this.types.length + 6;
  var tk = ticks(lo, hi);
  tk.dates.forEach(function (d) {
    var tx = x(d.getTime());
    svg.appendChild(svgEl("line", {x1: tx, x2: tx, y1: top, y2: axisY, "class": "grid"}));
    var t = svgEl("text", {x: tx, y: axisY + 16, "class": "tick", "text-anchor": "middle"});
    t.textContent = label(d, tk.step);
    svg.appendChild(t);
  });
  this.types.forEach(function (type, i) {
    var t = svgEl("text", {x: 4, y: top + rowH * i + rowH / 2 + 4, "class": "type-label"});
    t.textContent = type;
    svg.appendChild(t);
  });
  this.events.forEach(function (e) {
    var s = parseDay(e.date_start), en = parseDay(e.date_end) + DAY;
    if (en < lo || s > hi) return;
    var cy = top + rowH * self.types.indexOf(e.type) + rowH / 2;
    var a = svgEl("a", {href: "/events/" + encodeURIComponent(e.id), "class": "event-mark"});
    var x1 = x(s), x2 = x(en), r = 4 + 2 * Math.min(e.corroboration, 5);
    if (x2 - x1 > 2 * r) {
      a.appendChild(svgEl("rect", {x: x1, y: cy - 5, width: x2 - x1, height: 10, rx: 3, "class": "range"}));
    }
    a.appendChild(svgEl("circle", {cx: Math.max(x1, Math.min((x1 + x2) / 2, x2)), cy: cy, r: r,
                                   "class": "dot modality-" + e.modality}));
    var title = svgEl("title");
    title.textContent = e.date + " " + e.type + ": " + e.label + " (" + e.corroboration + " independent)";
    a.appendChild(title);
    svg.appendChild(a);
  });
  box.appendChild(svg);
};

Timeline.prototype.zoom = function (factor, centre) {
  var lo = this.view[0], hi = this.view[1];
  var c = centre === undefined ? (lo + hi) / 2 : centre;
  var span = Math.max((hi - lo) * factor, 7 * DAY);
  this.view = [c - (c - lo) * span / (hi - lo), c + (hi - c) * span / (hi - lo)];
  this.draw();
};

Timeline.prototype.timeAt = function (px) {
  var lo = this.view[0], hi = this.view[1];
  return lo + (px - this.left) / (this.width - this.left - this.right) * (hi - lo);
};

Timeline.prototype.bind = function () {
  var self = this, box = this.box, dragging = null;
  box.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var rect = box.getBoundingClientRect();
    self.zoom(ev.deltaY < 0 ? 0.8 : 1.25, self.timeAt(ev.clientX - rect.left));
  }, {passive: false});
  box.addEventListener("mousedown", function (ev) { dragging = {x: ev.clientX, view: self.view.slice()}; });
  window.addEventListener("mouseup", function () { dragging = null; });
  box.addEventListener("mousemove", function (ev) {
    if (!dragging) return;
    var per = (dragging.view[1] - dragging.view[0]) / (self.width - self.left - self.right);
    var dt = (ev.clientX - dragging.x) * per;
    if (Math.abs(ev.clientX - dragging.x) > 3) {
      self.view = [dragging.view[0] - dt, dragging.view[1] - dt];
      self.draw();
    }
  });
  document.getElementById("zoom-in").addEventListener("click", function () { self.zoom(0.5); });
  document.getElementById("zoom-out").addEventListener("click", function () { self.zoom(2); });
  document.getElementById("zoom-reset").addEventListener("click", function () {
    self.view = self.full.slice(); self.draw();
  });
  window.addEventListener("resize", function () { self.draw(); });
};

document.addEventListener("DOMContentLoaded", async function () {
  var box = document.getElementById("chart");
  if (!box) return;
  var events = await fetchAll(box.dataset.src);
  if (!events.length) {
    box.textContent = "No dated events to draw.";
    return;
  }
  var tl = new Timeline(box, events);
  tl.draw();
  tl.bind();
  box.classList.add("ready");
});
