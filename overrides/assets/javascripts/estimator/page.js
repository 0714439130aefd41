// Loaded on every page (extra_javascript), so it stays a few lines: it imports the estimator's modules
// only when the page holds #estimator, on a full load and after each of Material's instant navigations.
// Guide pages download nothing more. (The estimator page also preloads the modules: estimate.html.)

let loading = null;

function check() {
  if (document.getElementById("estimator")) loading ??= import("./estimator.js");
  // Mounting (or, on a page without #estimator, letting go of the previous page's controller).
  loading?.then((estimator) => estimator.mount()).catch(() => {
    // The modules could not load: the page stays a printable checklist, as without JavaScript.
    const root = document.getElementById("estimator");
    const fallback = root?.querySelector("[data-est=fallback]");
    if (fallback) {
      root.dataset.engine = "failed";
      fallback.hidden = false;
    }
  });
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(check);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
else check();
