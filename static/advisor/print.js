// Folded sections of a result open for printing, and close again after, as they were.
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

// The result's "Print or save as PDF" is a plain link to the two-page summary; with JavaScript the summary opens
// its print dialog as it loads (summary.js).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("a.print-summary").forEach(function (link) {
    link.href = link.href.split("#")[0] + "#print";
  });
});
