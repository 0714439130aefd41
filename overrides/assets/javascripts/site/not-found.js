// The 404 page's search button (overrides/404.html): opens the header search, whose input then takes the
// focus (assets/javascripts/site/search.js). Loaded on the 404 page only; delegated, so it survives
// Material's instant navigation.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-site-search-open]")) { return; }
    var toggle = document.getElementById("__search");
    var input = document.getElementById("site-search-input");
    if (!toggle || !input) { return; }
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
  });
})();
