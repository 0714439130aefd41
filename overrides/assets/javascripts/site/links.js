// Copy-link buttons on every heading, and a brief highlight of the section a link points to.
// The copied address is built from the public address the site was built with (SITE_URL, mkdocs.yml's
// site_url), so staff paste the published URL; a build without one copies the address the page was opened at.
// The buttons are added a few headings at a time while the browser is idle after the page is shown: on the
// FAQ (some ninety headings) adding them all at once was one long task in front of the reader's first
// interaction.
// window.siteLinks shares the clipboard, icon and address helpers with search.js and answers.mjs, and
// lets them add a button of their own next to each heading's (addHeadingButton).
(function () {
  "use strict";

  var HEADINGS = ".md-content .md-typeset h1, .md-content .md-typeset h2[id], .md-content .md-typeset h3[id], " +
    ".md-content .md-typeset h4[id], .md-content .md-typeset h5[id], .md-content .md-typeset h6[id]";
  var LINK_ICON = "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10";
  var TEXT_ICON = "M19 3h-4.18C14.4 1.84 13.3 1 12 1s-2.4.84-2.82 2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2m-7 0a1 1 0 0 1 1 1 1 1 0 0 1-1 1 1 1 0 0 1-1-1 1 1 0 0 1 1-1M7 7h10V5h2v14H5V5h2zm0 4h10v2H7zm0 4h7v2H7z";
  var statusTimer = null;
  var CHUNK = 12; // headings per task
  var IDLE_WAIT_MS = 500;
  var extraButtons = []; // buttons other scripts add next to each heading's: {kind, label, path, onClick(heading)}

  function siteUrl() {
    var data = document.getElementById("site-data");
    var url = data && data.getAttribute("data-site-url");
    return url ? url.replace(/\/?$/, "/") : new URL(".", window.__md_scope || location).href;
  }

  // The page's path below the site root, whatever host or port serves it.
  function pagePath() {
    var root = window.__md_scope ? window.__md_scope.pathname : "/";
    var path = location.pathname;
    return path.indexOf(root) === 0 ? path.slice(root.length) : path.replace(/^\//, "");
  }

  function sectionUrl(heading) {
    var url = siteUrl() + pagePath();
    return heading.tagName === "H1" ? url : url + "#" + encodeURIComponent(heading.id);
  }

  function status() {
    var region = document.getElementById("copy-link-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "copy-link-status";
      region.className = "copy-link-status";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  function announce(message) {
    var region = status();
    region.textContent = message;
    region.classList.add("copy-link-status--visible");
    window.clearTimeout(statusTimer);
    statusTimer = window.setTimeout(function () {
      region.classList.remove("copy-link-status--visible");
      region.textContent = "";
    }, 2500);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function icon(path) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var shape = document.createElementNS(ns, "path");
    shape.setAttribute("d", path);
    svg.appendChild(shape);
    return svg;
  }

  function button(kind, label, path) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "copy-link__button";
    element.setAttribute("data-copy", kind);
    element.setAttribute("aria-label", label);
    element.title = label;
    element.appendChild(icon(path));
    return element;
  }

  function addExtra(group, heading, spec) {
    var extra = button(spec.kind, spec.label, spec.path);
    extra.addEventListener("click", function () { spec.onClick(heading); });
    group.appendChild(extra);
  }

  function addButtons(heading) {
    if (heading.querySelector(".copy-link")) { return; }
    var title = heading.textContent.trim();
    var group = document.createElement("span");
    group.className = "copy-link";
    group.appendChild(button("url", "リンクをコピー", LINK_ICON));
    group.appendChild(button("title", "見出しとリンクをコピー", TEXT_ICON));
    extraButtons.forEach(function (spec) { addExtra(group, heading, spec); });
    group.addEventListener("click", function (event) {
      var target = event.target.closest("[data-copy]");
      if (!target) { return; }
      var url = sectionUrl(heading);
      var both = target.getAttribute("data-copy") === "title";
      copyText(both ? title + "\n" + url : url).then(function () {
        announce(both ? "見出しとリンクをコピーしました" : "リンクをコピーしました");
      }, function () {
        announce("コピーできませんでした。アドレスバーのURLをお使いください");
      });
    });
    heading.appendChild(group);
  }

  // The element a link points to; an alias (a hidden old id) points at the heading after it.
  function highlight() {
    if (!location.hash) { return; }
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) { return; }
    if (target.classList.contains("anchor-alias")) {
      var next = target.nextElementSibling;
      while (next && next.classList.contains("anchor-alias")) { next = next.nextElementSibling; }
      if (next) { target = next; }
    }
    target.classList.remove("is-arrived");
    void target.offsetWidth; // restart the animation
    target.classList.add("is-arrived");
    window.setTimeout(function () { target.classList.remove("is-arrived"); }, 2200);
  }

  // A later task, once the browser is idle (at most IDLE_WAIT_MS later). The first chunk too: none of it
  // then runs in the long task that ends the page's loading.
  function later(fn) {
    if (window.requestIdleCallback) { window.requestIdleCallback(fn, { timeout: IDLE_WAIT_MS }); }
    else { window.setTimeout(fn, 0); }
  }

  function addInChunks(headings, from) {
    headings.slice(from, from + CHUNK).forEach(addButtons);
    if (from + CHUNK < headings.length) {
      later(function () { addInChunks(headings, from + CHUNK); });
    }
  }

  function setUp() {
    var headings = Array.prototype.slice.call(document.querySelectorAll(HEADINGS));
    later(function () { addInChunks(headings, 0); });
    highlight();
  }

  window.siteLinks = {
    copyText: copyText,
    icon: icon,
    siteUrl: siteUrl,
    pagePath: pagePath,
    // Another button next to every heading's (already added ones included). A kind given again (a script
    // that sets itself up after each instant navigation) replaces the earlier one: one button per kind.
    addHeadingButton: function (spec) {
      extraButtons = extraButtons.filter(function (known) { return known.kind !== spec.kind; }).concat([spec]);
      document.querySelectorAll(".md-content .md-typeset .copy-link").forEach(function (group) {
        if (!group.querySelector('[data-copy="' + spec.kind + '"]')) { addExtra(group, group.parentElement, spec); }
      });
    },
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
  window.addEventListener("hashchange", highlight);
})();
