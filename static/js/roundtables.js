/* The selection page: recompute the shortlist's balance as staff tick boxes.
   The same figures come from roundtables/balance.py on the server; percentages are
   whole numbers rounded half up, computed in integers exactly as there. */
(function () {
  "use strict";

  function percent(count, total) {
    if (total <= 0) { return 0; }
    return Math.floor((200 * count + total) / (2 * total));
  }

  function recompute(form) {
    var boxes = form.querySelectorAll('input[type="checkbox"][name="shortlist"]');
    var ticked = Array.prototype.filter.call(boxes, function (box) { return box.checked; });
    var total = ticked.length;
    document.querySelectorAll("[data-balance-dimension]").forEach(function (table) {
      var dimension = table.getAttribute("data-balance-dimension");
      var counts = {};
      ticked.forEach(function (box) {
        var key = box.getAttribute("data-" + dimension);
        counts[key] = (counts[key] || 0) + 1;
      });
      table.querySelectorAll("[data-shortlist-total]").forEach(function (node) {
        node.textContent = String(total);
      });
      table.querySelectorAll("[data-shortlist-cell]").forEach(function (cell) {
        var count = counts[cell.getAttribute("data-shortlist-cell")] || 0;
        cell.querySelector("[data-count]").textContent = String(count);
        cell.querySelector("[data-percent]").textContent = String(percent(count, total));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-balance-form]");
    if (!form) { return; }
    form.addEventListener("change", function (event) {
      if (event.target.name === "shortlist") { recompute(form); }
    });
  });
})();
