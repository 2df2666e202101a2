/* The findings list of the validation report: filters, search, pages, anchors, highlighted evidence.
   Every string from the data is written with textContent, never parsed as HTML.
   The data travel as base64 of gzip'd JSON in blocks; the browser unpacks them itself (DecompressionStream).
   The first page is drawn from the first block (body[data-first-page]); filters, search, pages and anchors
   work once every block is read (body[data-ready]). */
(function () {
  "use strict";

  function unpack(node) {
    var raw = atob(node.textContent.trim()), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function fail(message) {
    document.getElementById("count").textContent = message + " findings.json holds the same findings.";
    document.body.dataset.ready = "error";
  }

  if (typeof DecompressionStream !== "function") {
    fail("This browser cannot unpack the findings (it has no DecompressionStream).");
    return;
  }
  var blocks = Array.prototype.slice.call(document.querySelectorAll("script.report-data"));
  unpack(blocks[0]).then(function (first) {
    var report = start(first);
    return blocks.slice(1).reduce(function (done, node) {
      return done.then(function () { return unpack(node); }).then(report.add);
    }, Promise.resolve()).then(report.complete);
  }).catch(function (e) {
    fail("The findings could not be read (" + e + ").");
  });

  function start(data) {
    var F = [], P = {}, A = data.articles, R = data.rules, TOTAL = data.total || {};
    var PAGE = 50, MAX_COMMON = 3000, MAX_TEXT = 200000;
    var state = {status: "open", severity: "", category: "", rule: "", article: "", q: "", page: 0};
    var byId = {}, loading = true;

    /* a block's findings and the paragraphs they name join those already read */
    function add(block) {
      block.findings.forEach(function (f) { byId[f.id] = F.length; F.push(f); });
      Object.keys(block.paragraphs).forEach(function (id) { P[id] = block.paragraphs[id]; });
    }

    function $(id) { return document.getElementById(id); }
    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined && text !== null) e.textContent = String(text);
      return e;
    }
    function inArticle(f, a) {
      for (var i = 0; i < f.locations.length; i++) if (f.locations[i].article_id === a) return true;
      return false;
    }

    /* search text of each finding, built on first search only */
    var hay = null;
    function haystack(i) {
      if (!hay) hay = new Array(F.length);
      if (hay[i] === undefined) {
        var f = F[i], parts = [f.id, f.check, f.category, f.message, f.dataset];
        f.locations.forEach(function (l) {
          parts.push(l.file);
          if (l.paragraph_id && P[l.paragraph_id]) parts.push(P[l.paragraph_id].text);
          if (l.article_id && A[l.article_id]) parts.push(A[l.article_id]);
        });
        hay[i] = parts.join("\n").toLowerCase();
      }
      return hay[i];
    }
    function matches(f, i) {
      if (state.status !== "all" && f._status !== state.status) return false;
      if (state.severity && f.severity !== state.severity) return false;
      if (state.category && f.category !== state.category) return false;
      if (state.rule && f.check !== state.rule) return false;
      if (state.article && !inArticle(f, state.article)) return false;
      if (state.q && haystack(i).indexOf(state.q) < 0) return false;
      return true;
    }
    function selected() {
      var out = [];
      for (var i = 0; i < F.length; i++) if (matches(F[i], i)) out.push(i);
      return out;
    }

    function fillSelect(id, values, label) {
      var select = $(id);
      values.forEach(function (v) {
        var o = el("option", null, label ? label(v) : v);
        o.value = v;
        select.appendChild(o);
      });
    }
    function distinct(get) {
      var seen = {}, out = [];
      F.forEach(function (f) { [].concat(get(f)).forEach(function (v) { if (v && !seen[v]) { seen[v] = 1; out.push(v); } }); });
      return out.sort();
    }

    /* text with [start, end) code-point spans wrapped in <mark class=cls> */
    function highlighted(text, spans, cls) {
      var box = el("div", "text");
      var cps = Array.from(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
      var clean = (spans || []).filter(function (s) {
        return Array.isArray(s) && s.length >= 2 && typeof s[0] === "number" && typeof s[1] === "number" && s[1] > s[0];
      }).map(function (s) { return [Math.max(0, s[0]), Math.min(cps.length, s[1])]; })
        .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      var pos = 0;
      clean.forEach(function (s) {
        var start = Math.max(s[0], pos);
        if (start >= s[1]) return;
        if (start > pos) box.appendChild(document.createTextNode(cps.slice(pos, start).join("")));
        var m = el("mark", cls || "", cps.slice(start, s[1]).join(""));
        box.appendChild(m);
        pos = s[1];
      });
      if (pos < cps.length) box.appendChild(document.createTextNode(cps.slice(pos).join("")));
      return box;
    }

    /* the longest common substring of two texts, as code-point spans; bounded by MAX_COMMON */
    function common(a, b) {
      var x = Array.from(a), y = Array.from(b);
      if (!x.length || !y.length || x.length > MAX_COMMON || y.length > MAX_COMMON) return null;
      var prev = new Uint16Array(y.length + 1), cur = new Uint16Array(y.length + 1), best = 0, endX = 0, endY = 0;
      for (var i = 1; i <= x.length; i++) {
        for (var j = 1; j <= y.length; j++) {
          cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : 0;
          if (cur[j] > best) { best = cur[j]; endX = i; endY = j; }
        }
        var t = prev; prev = cur; cur = t; cur.fill(0);
      }
      return best ? [[endX - best, endX], [endY - best, endY]] : null;
    }

    function isNum(x) { return typeof x === "number" && isFinite(x); }
    function len(str) { return Array.from(str).length; }

    /* spans of one location's paragraph, from the evidence shapes the rules write:
       spans / span / spans_by_paragraph / location_spans (offsets); a_start, b_start + length (a pair);
       offset + doubled (a repeat); ends_with / first_ends_with / second_starts_with (a cut);
       and every number mention's "surface" or stated "date", found in the text */
    function spansFor(f, loc, index, text) {
      var ev = f.evidence || {}, out = [];
      if (ev.spans_by_paragraph && ev.spans_by_paragraph[loc.paragraph_id]) return ev.spans_by_paragraph[loc.paragraph_id];
      if (Array.isArray(ev.location_spans) && Array.isArray(ev.location_spans[index])) return ev.location_spans[index];
      if (index === 0 && Array.isArray(ev.spans)) return ev.spans;
      if (index === 0 && Array.isArray(ev.span)) return [ev.span];
      if (isNum(ev.length) && index < 2 && isNum(ev[index === 0 ? "a_start" : "b_start"])) {
        var s0 = ev[index === 0 ? "a_start" : "b_start"];
        return [[s0, s0 + ev.length]];
      }
      if (index === 0 && isNum(ev.offset) && typeof ev.doubled === "string") return [[ev.offset, ev.offset + len(ev.doubled)]];
      if (text === null) return null;
      var n = len(text);
      var tail = index === 0 ? (ev.ends_with || ev.first_ends_with) : null;
      if (typeof tail === "string" && tail && text.endsWith(tail)) out.push([n - len(tail), n]);
      var head = index === 1 ? ev.second_starts_with : null;
      if (typeof head === "string" && head && text.startsWith(head)) out.push([0, len(head)]);
      surfaces(ev, 0).forEach(function (w) {
        var at = text.indexOf(w);
        if (at >= 0) { var start = len(text.slice(0, at)); out.push([start, start + len(w)]); }
      });
      return out.length ? out : null;
    }
    function surfaces(ev, depth) {
      var found = [];
      if (!ev || typeof ev !== "object" || depth > 3) return found;
      ["surface", "date"].forEach(function (k) { if (typeof ev[k] === "string" && ev[k]) found.push(ev[k]); });
      Object.keys(ev).forEach(function (k) {
        if (ev[k] && typeof ev[k] === "object") found = found.concat(surfaces(ev[k], depth + 1));
      });
      return found;
    }

    function where(loc) {
      var text = loc.file + ":" + loc.line_start + (loc.line_end !== loc.line_start ? "\u2013" + loc.line_end : "");
      var p = loc.paragraph_id && P[loc.paragraph_id];
      if (p) text += " \u00b7 " + p.kind;
      if (loc.article_id && A[loc.article_id]) text += " \u00b7 " + A[loc.article_id];
      if (loc.paragraph_id) text += " \u00b7 " + loc.paragraph_id;
      return el("div", "where", text);
    }

    function places(f) {
      var box = el("div", f.locations.length > 1 ? "pair" : "");
      var texts = f.locations.map(function (l) { return l.paragraph_id && P[l.paragraph_id] ? P[l.paragraph_id].text : null; });
      var shared = null;
      if (texts.length >= 2 && texts[0] !== null && texts[1] !== null
          && !spansFor(f, f.locations[0], 0, texts[0]) && !spansFor(f, f.locations[1], 1, texts[1])) {
        shared = texts[0] === texts[1] ? [[0, len(texts[0])], [0, len(texts[1])]] : common(texts[0], texts[1]);
      }
      f.locations.forEach(function (loc, i) {
        var cell = el("div");
        cell.appendChild(where(loc));
        if (texts[i] !== null) {
          var spans = spansFor(f, loc, i, texts[i]), cls = "";
          if (!spans && shared && i < 2) { spans = [shared[i]]; cls = "shared"; }
          cell.appendChild(highlighted(texts[i], spans, cls));
        }
        box.appendChild(cell);
      });
      return box;
    }

    /* a number mention: its surface, then value, unit and the interval it stands for */
    function mention(v) {
      var bounds = "[" + (isNum(v.low) ? v.low : "\u2212\u221e") + ", " + (isNum(v.high) ? v.high : "\u221e") + "]";
      return el("span", "mention", "\u201c" + v.surface + "\u201d = " + v.value + (v.unit ? " " + v.unit : "")
        + " " + bounds + (v.qualifier ? " (" + v.qualifier + ")" : ""));
    }
    function value(v, depth) {
      if (v === null || v === undefined) return el("span", null, "\u2014");
      if (typeof v === "object" && !Array.isArray(v) && typeof v.surface === "string" && "value" in v) return mention(v);
      if (Array.isArray(v) && v.length && v.every(function (x) { return x && typeof x === "object" && typeof x.surface === "string"; })) {
        var box = el("span");
        v.forEach(function (x, i) { if (i) box.appendChild(document.createTextNode(" + ")); box.appendChild(mention(x)); });
        return box;
      }
      if (typeof v !== "object") return el("span", null, String(v).slice(0, 2000));
      if (Array.isArray(v) && v.every(function (x) { return x === null || typeof x !== "object"; })) return el("span", null, v.join(", ").slice(0, 2000));
      if (!Array.isArray(v) && depth < 2) return table(v, depth + 1);
      return el("code", null, JSON.stringify(v).slice(0, 2000));
    }
    function table(ev, depth) {
      var t = el("table", "evidence");
      Object.keys(ev).forEach(function (k) {
        if (depth === 0 && (k === "spans_by_paragraph" || k === "location_spans")) return;
        var tr = el("tr");
        tr.appendChild(el("td", null, k));
        var td = el("td");
        td.appendChild(value(ev[k], depth));
        tr.appendChild(td);
        t.appendChild(tr);
      });
      return t;
    }

    /* a finding's typed comparison: the stated figure beside the one its own values give */
    function comparison(c) {
      var unit = c.unit ? " " + c.unit : "";
      return el("div", "comparison", "stated " + c.stated + unit + " \u00b7 computed " + c.computed + unit);
    }

    function card(f) {
      var box = el("article", "finding " + f.severity + (f._status !== "open" ? " " + f._status : ""));
      box.id = f.id;
      var head = el("div", "head");
      head.appendChild(el("span", "badge " + (f._status === "open" ? f.severity : f._status), f._status === "open" ? f.severity : f._status));
      head.appendChild(el("code", null, f.check));
      head.appendChild(el("span", "meta", f.category + " \u00b7 " + f.dataset));
      head.appendChild(el("span", "message", f.message));
      var a = el("a", "anchor", "#" + f.id);
      a.href = "#" + encodeURIComponent(f.id);
      head.appendChild(a);
      box.appendChild(head);
      if (f.reason) box.appendChild(el("div", "reason", "accepted: " + f.reason));
      if (f.locations.length) box.appendChild(places(f));
      if (f.comparison) box.appendChild(comparison(f.comparison));
      if (f.evidence && Object.keys(f.evidence).length) box.appendChild(table(f.evidence, 0));
      var rule = R[f.check];
      if (rule && rule.why) {
        var d = el("details", "why");
        d.appendChild(el("summary", null, f.check + ": " + rule.title));
        d.appendChild(el("div", null, rule.why));
        box.appendChild(d);
      }
      return box;
    }

    function pager(box, total, pages) {
      box.replaceChildren();
      if (pages <= 1) return;
      var prev = el("button", null, "\u2190 previous"), next = el("button", null, "next \u2192");
      prev.type = next.type = "button";
      prev.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      prev.dataset.go = "-1";
      next.dataset.go = "1";
      box.appendChild(prev);
      box.appendChild(el("span", "meta", "page " + (state.page + 1) + " of " + pages));
      box.appendChild(next);
    }

    function render() {
      var chosen = selected(), pages = Math.max(1, Math.ceil(chosen.length / PAGE));
      state.page = Math.min(state.page, pages - 1);
      var list = $("findings");
      list.replaceChildren();
      var start = state.page * PAGE, end = Math.min(chosen.length, start + PAGE);
      var frag = document.createDocumentFragment();
      for (var k = start; k < end; k++) frag.appendChild(card(F[chosen[k]]));
      list.appendChild(frag);
      var total = loading ? (TOTAL[state.status] || chosen.length) : chosen.length;
      $("count").textContent = chosen.length ? "Showing " + (start + 1) + "\u2013" + end + " of " + total
        + (loading ? " (reading the rest\u2026)" : "") : "No finding matches these filters.";
      pager($("pager-top"), chosen.length, loading ? 1 : pages);
      pager($("pager-bottom"), chosen.length, loading ? 1 : pages);
      return chosen;
    }

    function readControls() {
      state.status = $("f-status").value;
      state.severity = $("f-severity").value;
      state.category = $("f-category").value;
      state.rule = $("f-rule").value;
      state.article = $("f-article").value;
      state.q = $("f-search").value.trim().toLowerCase();
      state.page = 0;
      render();
    }

    /* #FINDING-ID shows that finding: filters cleared, its page opened, it scrolled to and outlined */
    function showHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      if (!(id in byId)) return;
      var f = F[byId[id]];
      ["f-severity", "f-category", "f-rule", "f-article", "f-search"].forEach(function (c) { $(c).value = ""; });
      $("f-status").value = f._status;
      state = {status: f._status, severity: "", category: "", rule: "", article: "", q: "", page: 0};
      var chosen = selected();
      state.page = Math.floor(chosen.indexOf(byId[id]) / PAGE);
      render();
      var node = document.getElementById(id);
      if (node) {
        var old = document.querySelector(".finding.target");
        if (old) old.classList.remove("target");
        node.classList.add("target");
        node.scrollIntoView();
      }
    }

    var CONTROLS = ["f-status", "f-severity", "f-category", "f-rule", "f-article", "f-search"];

    /* every block read: the filters get their values and come alive, an anchor is followed */
    function complete() {
      loading = false;
      fillSelect("f-category", distinct(function (f) { return f.category; }));
      fillSelect("f-rule", distinct(function (f) { return f.check; }), function (c) { return R[c] ? c + " \u2013 " + R[c].title : c; });
      fillSelect("f-article", distinct(function (f) { return f.locations.map(function (l) { return l.article_id; }); }), function (a) { return A[a] || a; });
      CONTROLS.forEach(function (c) { $(c).disabled = false; });
      ["f-status", "f-severity", "f-category", "f-rule", "f-article"].forEach(function (c) { $(c).addEventListener("change", readControls); });
      var timer = null;
      $("f-search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(readControls, 150); });
      ["pager-top", "pager-bottom"].forEach(function (p) {
        $(p).addEventListener("click", function (e) {
          var go = e.target && e.target.dataset && e.target.dataset.go;
          if (!go) return;
          state.page += Number(go);
          render();
          $("findings-section").scrollIntoView();
        });
      });
      window.addEventListener("hashchange", showHash);
      render();
      if (location.hash) showHash();
      document.body.dataset.ready = "1";
    }

    add(data);
    CONTROLS.forEach(function (c) { $(c).disabled = true; });
    render();
    document.body.dataset.firstPage = "1";
    return {add: add, complete: complete};
  }
})();
