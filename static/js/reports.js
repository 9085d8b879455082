/* Reports: follow a render without reloading the page. Every element with
   data-report-status-url is polled until its report is ready or failed; then the
   download link appears. Without JavaScript, reloading the page shows the same. */
(function () {
  "use strict";

  var DELAY = 1500;
  var MAX_DELAY = 10000;

  function show(node, visible) {
    if (!node) { return; }
    if (visible) { node.removeAttribute("hidden"); } else { node.setAttribute("hidden", ""); }
  }

  function update(box, data) {
    var status = box.querySelector("[data-field=status]");
    if (status) {
      status.textContent = data.status_display;
      status.className = "badge " + (data.status === "ready" ? "badge-green" : data.status === "failed" ? "badge-red" : "badge-amber");
    }
    box.setAttribute("data-status", data.status);
    show(box.querySelector("[data-field=progress]"), !data.final);
    var error = box.querySelector("[data-field=error]");
    if (error) { error.textContent = data.error || ""; show(error, Boolean(data.error)); }
    var download = box.querySelector("[data-field=download]");
    if (download) {
      var link = download.querySelector("a");
      if (link && data.download_url) { link.setAttribute("href", data.download_url); }
      show(download, Boolean(data.download_url));
    }
  }

  function poll(box, delay) {
    if (box.getAttribute("data-status") === "ready" || box.getAttribute("data-status") === "failed") {
      return;
    }
    window.setTimeout(function () {
      fetch(box.getAttribute("data-report-status-url"), {
        headers: { "Accept": "application/json" },
        credentials: "same-origin",
        cache: "no-store"
      }).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      }).then(function (data) {
        update(box, data);
        if (!data.final) { poll(box, DELAY); }
        else if (data.status === "ready") {
          // Actions that only make sense for a rendered report (publish).
          document.querySelectorAll("[data-show-when-ready]").forEach(function (node) { show(node, true); });
        }
      }).catch(function () {
        poll(box, Math.min(delay * 2, MAX_DELAY));
      });
    }, delay);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-report-status-url]").forEach(function (box) {
      poll(box, DELAY);
    });
  });
})();
