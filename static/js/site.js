/* GCM Consultations: small progressive enhancements. The site works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.addEventListener("DOMContentLoaded", function () {
    // Accreditation fields matter only for in-person attendance: hide them otherwise.
    document.querySelectorAll("form").forEach(function (form) {
      var radios = form.querySelectorAll('input[name="mode"]');
      var blocks = form.querySelectorAll("[data-show-for-mode]");
      if (!radios.length || !blocks.length) { return; }
      function update() {
        var chosen = form.querySelector('input[name="mode"]:checked');
        blocks.forEach(function (block) {
          block.hidden = !chosen || chosen.value !== block.getAttribute("data-show-for-mode");
          // Fields the server marked aria-required are required while their block shows.
          block.querySelectorAll('[aria-required="true"]').forEach(function (input) {
            input.required = !block.hidden;
          });
        });
      }
      radios.forEach(function (radio) { radio.addEventListener("change", update); });
      update();
    });

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
