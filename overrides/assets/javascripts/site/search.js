// The header search: answers, not pages. Each result is a section (a FAQ question, a guide section, a
// glossary term) with its heading, the page it belongs to, an excerpt with the hit marked and a link to its
// anchor; buttons copy its link (or 「見出し + URL」, as the heading buttons of links.js do) and add it to the
// staff answer list (answers.mjs; headings get an "add" button too). The ranking is search-engine.mjs,
// loaded with the index when the search opens; nothing else is fetched before. Page text is inserted as text; the only markup kept is <mark>.
(function () {
  "use strict";

  var HERE = document.currentScript ? document.currentScript.src : location.href;
  var DEBOUNCE_MS = 150;
  var LINK_ICON = "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10";
  var TEXT_ICON = "M19 3h-4.18C14.4 1.84 13.3 1 12 1s-2.4.84-2.82 2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2m-7 0a1 1 0 0 1 1 1 1 1 0 0 1-1 1 1 1 0 0 1-1-1 1 1 0 0 1 1-1M7 7h10V5h2v14H5V5h2zm0 4h10v2H7zm0 4h7v2H7z";
  var LIST_KEY = "site-answer-list";
  var ADD_ICON = "M14 10H3v2h11zm0-4H3v2h11zM3 16h7v-2H3zm14-3v-3h-2v3h-3v2h3v3h2v-3h3v-2z";
  var engine = null;
  var answers = null;
  var searchRun = 0;
  var timer = null;

  function module(name) { return import(new URL(name, HERE).href); }

  function loadEngine() {
    if (!engine) {
      engine = module("search-engine.mjs").then(function (m) { return m.load().then(function () { return m; }); });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function loadAnswers() {
    if (!answers) {
      answers = module("answers.mjs");
      answers.catch(function () { answers = null; });
    }
    return answers;
  }

  /** The search as the list shows it: {query, definition, partial, results}. */
  function search(query) { return loadEngine().then(function (m) { return m.search(query); }); }
  /** The results alone, best first: [{url, title, page, section, excerpt, kind}] (tests and bench use it). */
  function run(query) { return search(query).then(function (response) { return response.results; }); }
  window.siteSearch = { run: run, search: search };

  function root() { return window.__md_scope || new URL("/", location); }

  function toggle() { return document.getElementById("__search"); }

  // A reload must not reopen the menu or the search: browsers restore checkbox state, and Material's
  // autocomplete="off" against that is invalid HTML on checkboxes (dropped by overrides/hooks/valid_html.py).
  ["__drawer", "__search"].forEach(function (id) {
    var box = document.getElementById(id);
    if (box) { box.checked = false; }
  });

  function setOpen(open) {
    var box = toggle();
    if (box && box.checked !== open) {
      box.checked = open;
      box.dispatchEvent(new Event("change"));
    }
  }

  function button(action, label, path) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "site-search-result__button";
    element.setAttribute("data-action", action);
    element.setAttribute("aria-label", label);
    element.title = label;
    element.appendChild(window.siteLinks.icon(path));
    return element;
  }

  function text(tag, className, value) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = value;
    return element;
  }

  function excerpt(parts) {
    var out = document.createElement("p");
    out.className = "site-search-result__excerpt";
    parts.forEach(function (part) {
      if (part.mark) {
        var mark = document.createElement("mark");
        mark.textContent = part.text;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(part.text));
      }
    });
    return out;
  }

  function item(result) {
    var li = document.createElement("li");
    li.className = "md-search-result__item site-search-result";
    li.setAttribute("data-url", result.url);
    li.setAttribute("data-title", result.title);
    var link = document.createElement("a");
    link.className = "md-search-result__link site-search-result__link";
    link.href = new URL(result.url, root()).href;
    var article = document.createElement("div");
    article.className = "md-search-result__article md-typeset";
    var where = result.kind === "page" ? result.page : result.page + (result.section ? " › " + result.section : "");
    article.appendChild(text("span", "site-search-result__page", where));
    article.appendChild(text("span", "site-search-result__title", result.title));
    if (result.excerpt.length) { article.appendChild(excerpt(result.excerpt)); }
    link.appendChild(article);
    li.appendChild(link);
    var actions = document.createElement("div");
    actions.className = "site-search-result__actions";
    actions.appendChild(button("url", "リンクをコピー：" + result.title, LINK_ICON));
    actions.appendChild(button("title", "見出しとリンクをコピー：" + result.title, TEXT_ICON));
    actions.appendChild(button("collect", "回答リストに追加：" + result.title, ADD_ICON));
    li.appendChild(actions);
    return li;
  }

  function parts() {
    var container = document.getElementById("site-search-results");
    return {
      meta: container.querySelector(".md-search-result__meta"),
      list: container.querySelector(".md-search-result__list"),
      empty: container.querySelector(".site-search-empty"),
    };
  }

  // The no-result doors (site-search.html) point from the site root, whichever page the search opened on.
  function showDoors(view) {
    view.empty.hidden = false;
    view.empty.querySelectorAll("a[data-site-path]").forEach(function (link) {
      link.href = new URL(link.getAttribute("data-site-path"), root()).href;
    });
  }

  function render(query, response) {
    var view = parts();
    view.list.textContent = "";
    view.empty.hidden = true;
    if (!query) {
      view.meta.textContent = "キーワードを入力してください";
      return;
    }
    if (!response.results.length) {
      view.meta.textContent = "「" + query + "」に一致する答えは見つかりませんでした。下のページから探すか、お問い合わせください";
      showDoors(view);
      return;
    }
    if (response.partial) {
      // No section holds most of the query: say so, show what shares a word with it, and the doors.
      view.meta.textContent = "「" + query + "」にそのまま一致する答えはありませんでした。一部の言葉が一致する答え" +
        response.results.length + "件と、探し方の入り口です";
      showDoors(view);
    } else {
      view.meta.textContent = response.results.length + "件の答えが見つかりました";
    }
    response.results.forEach(function (result) { view.list.appendChild(item(result)); });
  }

  function searchInput(input) {
    var query = input.value.trim();
    var current = ++searchRun;
    window.clearTimeout(timer);
    if (!query) { render("", null); return; }
    timer = window.setTimeout(function () {
      search(query).then(function (response) {
        if (current === searchRun) { render(query, response); }
      }).catch(function () {
        if (current === searchRun) {
          parts().meta.textContent = "検索を読み込めませんでした。ページを再読み込みしてください";
        }
      });
    }, DEBOUNCE_MS);
  }

  function status(message) {
    parts().meta.textContent = message;
  }

  function act(target) {
    var li = target.closest(".site-search-result");
    var url = li.getAttribute("data-url");
    var title = li.getAttribute("data-title");
    var action = target.getAttribute("data-action");
    if (action === "collect") {
      loadAnswers().then(function (m) { m.setUp(); status(m.add({ title: title, url: url })); });
      return;
    }
    // The same two formats as the heading buttons (links.js): the URL, or 「見出し + URL」 on two lines.
    var both = action === "title";
    loadAnswers().then(function (m) {
      return m.copyText(both ? title + "\n" + m.published(url) : m.published(url));
    }).then(function () {
      status(both ? "「" + title + "」の見出しとリンクをコピーしました" : "「" + title + "」のリンクをコピーしました");
    }, function () {
      status("コピーできませんでした。結果を開いて、見出しのボタンをお使いください");
    });
  }

  function listHasAnswers() {
    try { return JSON.parse(window.sessionStorage.getItem(LIST_KEY) || "[]").length > 0; } catch (error) { return false; }
  }

  // A third button next to each heading's copy-link buttons (links.js): add the section to the answer list.
  function addHeadingButtons() {
    window.siteLinks.addHeadingButton({ kind: "collect", label: "回答リストに追加", path: ADD_ICON, onClick: function (heading) {
      var url = window.siteLinks.pagePath() + (heading.tagName === "H1" ? "" : "#" + heading.id);
      var title = heading.textContent.trim();
      loadAnswers().then(function (m) { m.setUp(); m.announce(m.add({ title: title, url: url })); });
    } });
  }

  // The answer list's announcements: a polite status that is on every page before anything is said in it
  // (a live region added together with its message is not read out). answers.mjs writes to it.
  function statusRegion() {
    if (document.getElementById("answer-list-status")) { return; }
    var region = document.createElement("div");
    region.id = "answer-list-status";
    region.className = "copy-link-status";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.body.appendChild(region);
  }

  function setUp() {
    statusRegion();
    addHeadingButtons();
    // The answer list is drawn only in a tab that collected something: other page views load nothing more.
    if (listHasAnswers()) { loadAnswers().then(function (m) { m.setUp(); }); }
    var input = document.getElementById("site-search-input");
    if (!input || input.dataset.ready) { return; }
    input.dataset.ready = "1";
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = document.querySelector("#site-search-results .site-search-result__link");
      if (first) { first.click(); }
    });
    input.addEventListener("focus", function () { setOpen(true); loadEngine(); loadAnswers(); });
    input.addEventListener("input", function () { searchInput(input); });
    toggle().addEventListener("change", function () {
      if (toggle().checked && document.activeElement !== input) { input.focus(); }
      if (!toggle().checked) { input.blur(); }
    });
    var results = document.getElementById("site-search-results");
    results.addEventListener("click", function (event) {
      var target = event.target.closest("[data-action]");
      if (target) { act(target); return; }
      if (event.target.closest("a")) { setOpen(false); }
    });
    function openSearch() {
      setOpen(true);
      input.focus();
    }
    document.addEventListener("keydown", function (event) {
      var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
      if (event.key === "Escape" && toggle().checked) {
        setOpen(false);
      } else if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        openSearch();
      }
    });
    // Buttons that open the search, such as the 404 page's (overrides/404.html).
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("[data-site-search-open]")) { openSearch(); }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
