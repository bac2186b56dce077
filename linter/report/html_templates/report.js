/* factlint HTML report: finding details on hover and focus, j/k navigation, filters.
   No network, no eval, no HTML strings: the details are cloned from the list of findings. */
(function () {
  "use strict";
  var doc = document;
  var body = doc.body;
  var tip = doc.getElementById("tip");
  var marks = Array.prototype.slice.call(doc.querySelectorAll("mark.f[tabindex]"));
  var current = -1;
  var tipFor = null;

  function card(mark) {
    var item = doc.getElementById(mark.getAttribute("data-f"));
    return item ? item.querySelector(".card") : null;
  }

  function showTip(mark) {
    var c = card(mark);
    if (!c || !tip) { return; }
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    tip.appendChild(c.cloneNode(true));
    tip.hidden = false;
    tipFor = mark;
    var r = mark.getBoundingClientRect();
    var width = Math.min(tip.offsetWidth, doc.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + doc.documentElement.clientWidth - width - 8));
    var top = r.bottom + window.scrollY + 6;
    if (r.bottom + tip.offsetHeight + 12 > window.innerHeight && r.top > tip.offsetHeight + 12) {
      top = r.top + window.scrollY - tip.offsetHeight - 6;
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function hideTip() {
    if (tip) { tip.hidden = true; }
    tipFor = null;
  }

  function setCurrent(i) {
    var old = doc.querySelectorAll(".current");
    for (var k = 0; k < old.length; k++) { old[k].classList.remove("current"); }
    current = i;
    if (i < 0) { return; }
    var m = marks[i];
    m.classList.add("current");
    var item = doc.getElementById(m.getAttribute("data-f"));
    if (item) {
      item.classList.add("current");
      var list = item.closest(".findings");
      if (list && list.scrollHeight > list.clientHeight) {
        list.scrollTop = item.offsetTop - list.offsetTop - list.clientHeight / 3;
      }
    }
  }

  function visible(m) {
    return !m.classList.contains("off") && !m.closest("[hidden]");
  }

  function go(step) {
    if (!marks.length) { return; }
    var i = current;
    for (var n = 0; n < marks.length; n++) {
      i = i + step;
      if (i >= marks.length) { i = 0; }
      if (i < 0) { i = marks.length - 1; }
      if (visible(marks[i])) {
        marks[i].focus({ preventScroll: true });
        marks[i].scrollIntoView({ block: "center" });
        return;
      }
    }
  }

  marks.forEach(function (m, i) {
    m.addEventListener("focus", function () { setCurrent(i); showTip(m); });
    m.addEventListener("blur", function () { if (tipFor === m) { hideTip(); } });
    m.addEventListener("mouseenter", function () { if (!m.classList.contains("off")) { showTip(m); } });
    m.addEventListener("mouseleave", function () { if (tipFor === m && doc.activeElement !== m) { hideTip(); } });
  });

  doc.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a.jump") : null;
    if (!a) { return; }
    var target = doc.getElementById(a.getAttribute("href").slice(1));
    if (target && target.matches("mark.f")) {
      e.preventDefault();
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "center" });
    }
  });

  doc.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) { return; }
    if (e.key === "j" || e.key === "n") { e.preventDefault(); go(1); }
    else if (e.key === "k" || e.key === "p") { e.preventDefault(); go(-1); }
    else if (e.key === "Escape") { hideTip(); }
  });

  /* filters: by rule family and severity */
  var form = doc.getElementById("filters");
  function checked(name) {
    var out = {};
    var boxes = form.querySelectorAll("input[name=" + name + "]");
    for (var k = 0; k < boxes.length; k++) { if (boxes[k].checked) { out[boxes[k].value] = true; } }
    return out;
  }
  function applyFilters() {
    var fam = checked("family");
    var sev = checked("severity");
    var shown = 0;
    function hide(el, hidden) {
      if (hidden) { el.setAttribute("hidden", ""); } else { el.removeAttribute("hidden"); }
    }
    function each(selector, fn) {
      var els = doc.querySelectorAll(selector);
      for (var k = 0; k < els.length; k++) { fn(els[k]); }
    }
    each("[data-family]", function (el) {
      var ok = fam[el.getAttribute("data-family")] === true;
      if (el.hasAttribute("data-sev")) { ok = ok && sev[el.getAttribute("data-sev")] === true; }
      hide(el, !ok);
    });
    each("[data-sev]:not([data-family])", function (el) { hide(el, sev[el.getAttribute("data-sev")] !== true); });
    each("[data-fs]", function (el) {
      var combos = el.getAttribute("data-fs").split(" ");
      var ok = combos.some(function (c) { var p = c.split(":"); return fam[p[0]] && sev[p[1]]; });
      hide(el, !ok);
    });
    each("mark.f", function (m) {
      var item = doc.getElementById(m.getAttribute("data-f"));
      var off = item ? item.hasAttribute("hidden") : false;
      m.classList.toggle("off", off);
      if (m.hasAttribute("data-n")) {
        m.tabIndex = off ? -1 : 0;
        if (!off) { shown++; }
      }
    });
    var status = doc.getElementById("filter-status");
    if (status) { status.textContent = marks.length ? shown + " of " + marks.length + " highlights shown" : ""; }
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", applyFilters);
  }

  /* a link to a highlight (report.html#m-a2-f1 or #focus=m-a2-f1) opens its details */
  function fromHash() {
    /* "#focus=ID" opens a highlight's details without the browser's own jump to the anchor */
    var id = decodeURIComponent(location.hash.slice(1)).replace(/^focus=/, "");
    var target = id ? doc.getElementById(id) : null;
    if (target && target.matches("mark.f")) {
      target.focus({ preventScroll: true });
      var r = target.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) { target.scrollIntoView({ block: "center" }); }
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  /* what the browser test reads back from the rendered page */
  var rendered = marks.filter(function (m) {
    var r = m.getBoundingClientRect();
    return m.hasAttribute("data-empty") || (r.width > 0 && r.height > 0);
  });
  body.setAttribute("data-highlights", String(marks.length));
  body.setAttribute("data-rendered", String(rendered.length));
  body.setAttribute("data-ready", "1");
}());
