// The estimator page's entry (partials/estimator/estimator.html; guide pages never load it): imports the
// estimator's modules and mounts them on a full load and after each of Material's instant navigations
// (Material runs the content's scripts again after one; a module runs once, then follows document$).
// The modules are imported after parsing, not preloaded: nothing of them is needed for the first paint.

let loading = null;

function check() {
  if (document.getElementById("estimator")) loading ??= import("./estimator.js");
  // Mounting (or, on a page without #estimator, letting go of the previous page's controller).
  loading?.then((estimator) => estimator.mount()).catch(() => {
    // The modules could not load (the connection broke): the page stays a printable checklist, as without
    // JavaScript, and says so; trying again means loading the page again.
    const root = document.getElementById("estimator");
    const fallback = root?.querySelector("[data-est=fallback]");
    if (fallback) {
      root.dataset.engine = "failed";
      root.dataset.failure = "network";
      const say = (name, text) => { const node = root.querySelector(`[data-est=${name}]`); if (node) node.textContent = text; };
      say("fallback-reason", "通信が途切れたため、計算のプログラムを読み込めませんでした。");
      say("fallback-next", "電波の届きやすい場所で、ページを読み込み直してください。");
      const retry = root.querySelector("[data-est=retry-row]");
      if (retry) retry.hidden = true;
      fallback.hidden = false;
    }
  });
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(check);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
else check();
