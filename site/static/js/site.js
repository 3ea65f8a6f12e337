// Display switches (text size, contrast) without a page reload. Without JavaScript the
// same links go through the server, which sets the same cookie; either way the choice is
// remembered by the browser.
(function () {
  "use strict";
  var COOKIE = "pomost_display";
  var TEXT_CLASSES = { normal: "", large: "text-large", larger: "text-larger" };

  function readPrefs() {
    var prefs = { contrast: "normal", text: "normal" };
    var match = document.cookie.match(new RegExp("(?:^|; )" + COOKIE + "=([^;]*)"));
    if (!match) { return prefs; }
    match[1].split(".").forEach(function (part) {
      var pieces = part.split("-");
      if (pieces[0] === "contrast" && (pieces[1] === "normal" || pieces[1] === "high")) { prefs.contrast = pieces[1]; }
      if (pieces[0] === "text" && pieces[1] in TEXT_CLASSES) { prefs.text = pieces[1]; }
    });
    return prefs;
  }

  function savePrefs(prefs) {
    var value = "contrast-" + prefs.contrast + ".text-" + prefs.text;
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = COOKIE + "=" + value + "; Max-Age=31536000; Path=/; SameSite=Lax" + secure;
  }

  function apply(prefs) {
    var root = document.documentElement;
    root.classList.toggle("contrast-high", prefs.contrast === "high");
    root.classList.remove("text-large", "text-larger");
    if (TEXT_CLASSES[prefs.text]) { root.classList.add(TEXT_CLASSES[prefs.text]); }
    document.querySelectorAll("[data-display-text]").forEach(function (link) {
      var active = link.getAttribute("data-display-text") === prefs.text;
      link.classList.toggle("is-active", active);
      if (active) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
    });
    document.querySelectorAll("[data-display-contrast]").forEach(function (link) {
      var high = prefs.contrast === "high";
      link.setAttribute("data-display-contrast", high ? "normal" : "high");
      link.classList.toggle("is-active", high);
      link.textContent = high ? link.getAttribute("data-label-normal") : link.getAttribute("data-label-high");
      if (high) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-display-text], [data-display-contrast]");
    if (!link) { return; }
    event.preventDefault();
    var prefs = readPrefs();
    if (link.hasAttribute("data-display-text")) { prefs.text = link.getAttribute("data-display-text"); }
    if (link.hasAttribute("data-display-contrast")) { prefs.contrast = link.getAttribute("data-display-contrast"); }
    savePrefs(prefs);
    apply(prefs);
  });
})();

// On a phone the header's tools and the main menu would fill the first screen; they wait behind
// the Menu button. The button exists in the HTML but stays hidden until this script runs, so a
// browser without JavaScript shows the whole menu instead of a button that does nothing.
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-toggle");
  if (!button) { return; }

  function setOpen(open) {
    header.classList.toggle("menu-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  header.classList.add("menu-collapsible");
  button.hidden = false;
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("menu-open")) {
      setOpen(false);
      button.focus();
    }
  });
})();
