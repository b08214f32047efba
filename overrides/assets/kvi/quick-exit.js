// Quick exit: the button, or Shift pressed three times within two seconds, replaces this
// page with a neutral one, so the browser's Back button does not lead back here.
(function () {
  "use strict";
  var link = document.querySelector("[data-kvi-exit]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true;
    location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
