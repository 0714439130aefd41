// The estimator page's entry (partials/estimator/estimator.html; guide pages never load it): imports the
// estimator's modules and mounts them on a full load and after each of Material's instant navigations
// (Material runs the content's scripts again after one; a module runs once, then follows document$).
// The modules are imported after parsing, not preloaded: nothing of them is needed for the first paint.

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
