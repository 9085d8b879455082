/* GCM Consultations: small progressive enhancements. The site works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.addEventListener("DOMContentLoaded", function () {
    // Times are printed in the session's own time zone; add the viewer's local time.
    var lang = document.documentElement.lang || "en";
    var viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.querySelectorAll("[data-local-time]").forEach(function (node) {
      var when = new Date(node.getAttribute("data-local-time"));
      if (isNaN(when.getTime())) { return; }
      var sessionZone = node.getAttribute("data-session-zone");
      if (sessionZone && sessionZone === viewerZone) { return; }
      var text = new Intl.DateTimeFormat(lang, {
        dateStyle: "medium", timeStyle: "short", timeZone: viewerZone
      }).format(when);
      var label = node.getAttribute("data-label") || "";
      var span = document.createElement("span");
      span.className = "local-time";
      span.textContent = label + " " + text + " (" + viewerZone + ")";
      node.appendChild(span);
    });
  });
})();
