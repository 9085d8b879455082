/* Starts Swagger UI (shipped by django-ninja, served by the site) on the API's own
   OpenAPI document, named by the page in data-schema-url: no inline script. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("swagger-ui");
    if (!node || typeof SwaggerUIBundle === "undefined") { return; }
    SwaggerUIBundle({
      url: node.getAttribute("data-schema-url"),
      dom_id: "#swagger-ui",
      deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      supportedSubmitMethods: ["get", "head"]
    });
  });
})();
