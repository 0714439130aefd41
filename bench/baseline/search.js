// The header search as it was before section records, kept as the baseline of bench/search.py.
// Header search on Pagefind's index (built after mkdocs by overrides/hooks/pagefind_index.py), drawn in
// Material's own search markup so that it looks native. Results are built as DOM nodes: page text is
// inserted as text, and only Pagefind's <mark> highlights are kept.
(function () {
  "use strict";

  var MAX_PAGES = 8;
  var MAX_SECTIONS = 3;
  var pagefind = null;
  var searchRun = 0;

  function root() { return window.__md_scope || new URL("/", location); }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root()).href).then(function (module) {
        return module.options({ excerptLength: 30 }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function toggle() { return document.getElementById("__search"); }

  // A reload must not reopen the menu or the search: browsers restore checkbox state, and Material's
  // autocomplete="off" against that is invalid HTML on checkboxes (dropped by overrides/hooks/valid_html.py).
  ["__drawer", "__search"].forEach(function (id) {
    var box = document.getElementById(id);
    if (box) box.checked = false;
  });

  function setOpen(open) {
    var box = toggle();
    if (box && box.checked !== open) {
      box.checked = open;
      box.dispatchEvent(new Event("change"));
    }
  }

  // Pagefind's excerpt is HTML with <mark> around hits: keep the text and the marks, nothing else.
  function excerpt(html) {
    var out = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function relative(url) {
    // Pagefind URLs are absolute from the host root where the index was built ("/faq/#fee").
    return new URL(url.replace(/^\//, ""), root()).href;
  }

  function entry(url, title, text, section) {
    var link = document.createElement("a");
    link.href = relative(url);
    link.className = "md-search-result__link";
    var article = document.createElement("div");
    article.className = "md-search-result__article md-typeset" + (section ? "" : " md-search-result__article--document");
    var heading = document.createElement(section ? "h2" : "h1");
    heading.textContent = title;
    article.appendChild(heading);
    if (text) { article.appendChild(excerpt(text)); }
    link.appendChild(article);
    return link;
  }

  function render(list, meta, query, results) {
    list.textContent = "";
    if (!query) {
      meta.textContent = "キーワードを入力してください";
      return;
    }
    if (!results.length) {
      meta.textContent = "「" + query + "」に一致する情報は見つかりませんでした";
      return;
    }
    meta.textContent = results.length + "件のページが見つかりました";
    results.forEach(function (data) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      item.appendChild(entry(data.url, data.title, data.sections.length ? "" : data.excerpt, false));
      data.sections.slice(0, MAX_SECTIONS).forEach(function (sub) {
        item.appendChild(entry(sub.url, sub.title, sub.excerpt, true));
      });
      list.appendChild(item);
    });
  }

  // The query's words, by the browser's Japanese segmenter (what Pagefind uses for queries).
  function words(query) {
    if (!window.Intl || !Intl.Segmenter) { return query.split(/\s+/).filter(Boolean); }
    var out = [];
    for (var part of new Intl.Segmenter("ja", { granularity: "word" }).segment(query)) {
      if (part.isWordLike) { out.push(part.segment); }
    }
    return out;
  }

  // Pagefind splits compounds at index time differently from the browser at query time
  // (「オンライン秘書」, Pagefind issue #1237): a word of 3+ characters that finds under 2 pages on its
  // own is shortened by one character, which Pagefind then matches as a prefix.
  function relaxed(module, query) {
    return Promise.all(words(query).map(function (word) {
      if (word.length < 3) { return word; }
      return module.search(word).then(function (r) { return r.results.length < 2 ? word.slice(0, -1) : word; });
    })).then(function (list) { return list.join(" "); });
  }

  // How much of the query a heading holds: the characters of the query words (2+ characters) in it.
  function titleScore(title, list) {
    return list.reduce(function (sum, w) { return sum + (w.length > 1 && title.indexOf(w) !== -1 ? w.length : 0); }, 0);
  }

  // Sections of a page, best first: by how much of the query their heading holds, then by hits.
  function rankSections(data, list) {
    return (data.sub_results || []).filter(function (sub) { return sub.url !== data.url; })
      .map(function (sub, index) {
        var score = titleScore(sub.title || "", list) * 100 + (sub.locations ? sub.locations.length : 0);
        return { sub: sub, score: score, index: index };
      })
      .sort(function (a, b) { return b.score - a.score || a.index - b.index; })
      .map(function (entry) { return entry.sub; });
  }

  // The search itself: pages best first, each with its sections best first (used by the tests too).
  function run(query, debounce) {
    return load().then(function (module) {
      var first = debounce ? module.debouncedSearch(query, {}, 200) : module.search(query);
      return first.then(function (response) {
        if (response === null) { return null; }
        if (response.results.length >= 2) { return response; }
        return relaxed(module, query).then(function (other) {
          if (other === query) { return response; }
          return module.search(other).then(function (second) {
            return second.results.length > response.results.length ? second : response;
          });
        });
      });
    }).then(function (response) {
      if (response === null) { return null; }
      return Promise.all(response.results.slice(0, MAX_PAGES).map(function (r) { return r.data(); }));
    }).then(function (pages) {
      if (!pages) { return null; }
      var list = words(query);
      // A page whose section heading says what was asked (a FAQ question, a glossary term) comes first.
      return pages.map(function (data, index) {
        var sections = rankSections(data, list);
        var best = sections.length ? titleScore(sections[0].title || "", list) : 0;
        return { url: data.url, title: data.meta.title, excerpt: data.excerpt, sections: sections, best: best, index: index };
      }).sort(function (a, b) { return b.best - a.best || a.index - b.index; });
    });
  }
  window.siteSearch = { run: run };

  function search(input) {
    var query = input.value.trim();
    var container = document.getElementById("site-search-results");
    var meta = container.querySelector(".md-search-result__meta");
    var list = container.querySelector(".md-search-result__list");
    var current = ++searchRun;
    if (!query) { render(list, meta, "", []); return; }
    run(query, true).then(function (results) {
      if (results && current === searchRun) { render(list, meta, query, results); }
    }).catch(function () {
      if (current === searchRun) { meta.textContent = "検索を読み込めませんでした。ページを再読み込みしてください"; }
    });
  }

  function setUp() {
    var input = document.getElementById("site-search-input");
    if (!input || input.dataset.ready) { return; }
    input.dataset.ready = "1";
    var form = input.form;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = document.querySelector("#site-search-results .md-search-result__link");
      if (first) { first.click(); }
    });
    input.addEventListener("focus", function () { setOpen(true); load(); });
    input.addEventListener("input", function () { search(input); });
    toggle().addEventListener("change", function () {
      if (toggle().checked && document.activeElement !== input) { input.focus(); }
      if (!toggle().checked) { input.blur(); }
    });
    document.getElementById("site-search-results").addEventListener("click", function (event) {
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
