// Writing an offer, enhanced: the section saves itself a few seconds after each change and
// when the page is left, rows are added and removed in place, the cost totals follow what is
// typed. Without JavaScript the same form saves with its buttons; nothing here is needed.
(function () {
  "use strict";
  var DELAY = 3000;
  var NBSP = "\u00a0";

  function ready(callback) {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", callback); } else { callback(); }
  }

  // --- Rows --------------------------------------------------------------------------------
  function rowsOf(rowset) { return rowset.querySelectorAll("[data-rows] > [data-row]"); }

  function renumber(rowset) {
    var prefix = rowset.getAttribute("data-rowset");
    var pattern = new RegExp("(" + prefix.replace(/[-]/g, "\\-") + "-)(\\d+|__prefix__)(-)", "g");
    var label = rowset.getAttribute("data-row-label") || "";
    var rows = rowsOf(rowset);
    rows.forEach(function (row, index) {
      row.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (element) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
          var value = element.getAttribute(attribute);
          if (value) { element.setAttribute(attribute, value.replace(pattern, "$1" + index + "$3")); }
        });
      });
      var legend = row.querySelector("legend");
      if (legend && label) { legend.textContent = label.replace("__number__", String(index + 1)); }
    });
    var total = rowset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    if (total) { total.value = String(rows.length); }
    var add = rowset.querySelector("[data-add-row]");
    if (add) { add.hidden = rows.length >= Number(rowset.getAttribute("data-max")); }
    var empty = rowset.querySelector(".rows-empty");
    if (empty) { empty.hidden = rows.length > 0; }
  }

  function addRow(rowset) {
    var template = rowset.querySelector("template[data-row-template]");
    var container = rowset.querySelector("[data-rows]");
    var index = rowsOf(rowset).length;
    var html = template.innerHTML.split("__prefix__").join(String(index)).split("__number__").join(String(index + 1));
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    container.appendChild(row);
    enhanceRow(rowset, row);
    renumber(rowset);
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) { first.focus(); }
  }

  function enhanceRow(rowset, row) {
    var box = row.querySelector("[data-remove-row]");
    if (!box) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = rowset.getAttribute("data-remove-label");
    box.parentNode.replaceWith(button);
    button.addEventListener("click", function () {
      row.remove();
      renumber(rowset);
      changed();
      var add = rowset.querySelector("[data-add-row]") || rowset.querySelector("legend");
      if (add && add.focus) { add.focus(); }
    });
  }

  // --- Totals ------------------------------------------------------------------------------
  function grosze(text) {
    var value = String(text || "").replace(/[\s\u00a0\u202f]/g, "").replace(/zł$/, "").replace(",", ".");
    var match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value);
    if (!match) { return null; }
    return Number(match[1]) * 100 + Number(((match[2] || "") + "00").slice(0, 2));
  }

  function zloty(amount) {
    var whole = String(Math.floor(amount / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    return whole + "," + String(amount % 100).padStart(2, "0") + NBSP + "zł";
  }

  function updateTotals(form) {
    var box = form.querySelector("[data-cost-totals]");
    if (!box) { return; }
    box.querySelectorAll("output[data-total]").forEach(function (output) {
      var column = output.getAttribute("data-total");
      var sum = 0;
      form.querySelectorAll("[data-rows] input[name$='-" + column + "']").forEach(function (input) {
        sum += grosze(input.value) || 0;
      });
      output.textContent = zloty(sum);
    });
  }

  // --- Autosave ----------------------------------------------------------------------------
  var form, status, timer, inFlight = false, dirty = false, stopped = false, submitting = false;

  function storageKey() { return "pomost-offer:" + form.getAttribute("action"); }

  function say(text, link) {
    if (!status) { return; }
    status.textContent = text;
    if (link) {
      var anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.target = "_blank";
      anchor.rel = "noopener";
      anchor.textContent = link.text;
      status.appendChild(document.createTextNode(" "));
      status.appendChild(anchor);
    }
  }

  function body() { return new URLSearchParams(new FormData(form)); }

  function changed() {
    dirty = true;
    updateTotals(form);
    if (stopped) { return; }
    clearTimeout(timer);
    timer = setTimeout(save, DELAY);
  }

  function save(leaving) {
    if (!dirty || stopped || submitting) { return; }
    if (inFlight && !leaving) { timer = setTimeout(save, DELAY); return; }
    var data = body();
    dirty = false;
    inFlight = true;
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      keepalive: Boolean(leaving),
      headers: { "X-Autosave": "1", "Accept": "application/json", "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
    }).then(function (response) {
      return response.json().then(function (answer) { return { status: response.status, answer: answer }; });
    }).then(function (result) {
      inFlight = false;
      if (result.status === 200 && result.answer.saved) {
        window.localStorage.removeItem(storageKey());
        say(result.answer.message);
      } else if (result.status === 401) {
        // Signed out meanwhile: keep the form here until the person is back.
        window.localStorage.setItem(storageKey(), JSON.stringify({ at: Date.now(), fields: Array.from(data.entries()) }));
        say(form.getAttribute("data-signed-out"), { href: result.answer.login, text: form.getAttribute("data-sign-in") });
        dirty = true;
      } else {
        stopped = true;
        say(result.answer.message || form.getAttribute("data-failed"));
      }
    }).catch(function () {
      inFlight = false;
      dirty = true;
      say(form.getAttribute("data-failed"));
      timer = setTimeout(save, DELAY * 5);
    });
  }

  // What a 401 kept in this browser goes back into the form, and is saved once signed in again.
  function restoreFromBrowser() {
    var stored = window.localStorage.getItem(storageKey());
    if (!stored) { return false; }
    var kept;
    try { kept = JSON.parse(stored); } catch (error) { window.localStorage.removeItem(storageKey()); return false; }
    (kept.fields || []).forEach(function (pair) {
      var name = pair[0], value = pair[1];
      if (name === "csrfmiddlewaretoken") { return; }
      var match = /^(.+)-(\d+)-[^-]+$/.exec(name);
      if (match) {
        var rowset = form.querySelector("[data-rowset='" + match[1] + "']");
        while (rowset && rowsOf(rowset).length <= Number(match[2]) && rowsOf(rowset).length < Number(rowset.getAttribute("data-max"))) { addRow(rowset); }
      }
      var field = form.querySelector("[name='" + CSS.escape(name) + "']");
      if (!field) { return; }
      if (field.type === "checkbox") { field.checked = true; } else { field.value = value; }
    });
    say(form.getAttribute("data-restored"));
    return true;
  }

  ready(function () {
    form = document.querySelector("form.offer-form");
    if (!form) { return; }
    status = form.querySelector(".autosave-status");
    form.querySelectorAll("[data-rowset]").forEach(function (rowset) {
      rowsOf(rowset).forEach(function (row) { enhanceRow(rowset, row); });
      var add = rowset.querySelector("[data-add-row]");
      if (add) {
        add.addEventListener("click", function (event) {
          event.preventDefault();
          addRow(rowset);
          changed();
        });
      }
    });
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () { submitting = true; clearTimeout(timer); });
    if (form.getAttribute("data-autosave") !== "on") { stopped = true; return; }
    if (restoreFromBrowser()) { changed(); }
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { save(true); } });
    window.addEventListener("pagehide", function () { save(true); });
  });
})();
