// The summary's print button, shown only where JavaScript can print; and the print dialog opened at once when the
// result page's "Print or save as PDF" led here (it adds #print to the address; print.js).
(function () {
  document.querySelectorAll(".print-now").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  if (window.location.hash === "#print") {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    window.addEventListener("load", function () { window.print(); });
  }
})();
