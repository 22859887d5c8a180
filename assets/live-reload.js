// drillbook serve: reload on rebuild, show build errors in an overlay until fixed.
// Injected only by `drillbook serve`, never part of a built site.
(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "drillbook-error-overlay";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-label", "Build failed");
      overlay.setAttribute("lang", "en");
      overlay.className = "drillbook-overlay";
      var pre = document.createElement("pre");
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.firstChild.textContent = text;
  }
  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }
  var source = new EventSource("/__drillbook/events");
  // `paths`: the pages rewritten (a partial rebuild); other open pages stay as they are.
  source.addEventListener("reload", function (event) {
    var paths = [];
    try {
      paths = JSON.parse(event.data).paths || [];
    } catch (e) {
      paths = [];
    }
    var here = location.pathname.replace(/index\.html$/, "");
    if (paths.length && paths.indexOf(here) < 0) return;
    hide();
    location.reload();
  });
  source.addEventListener("error-report", function (event) {
    show(JSON.parse(event.data));
  });
  source.addEventListener("ok", hide);
})();
