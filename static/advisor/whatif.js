// What if (advisor/whatif.py): with JavaScript, "Compare" updates the comparison and the form in place, from
// the same page the form would load without it; the address follows, so a reload or a shared link shows the same.
(function () {
  "use strict";
  var form = document.querySelector("form.whatif-form");
  if (!form || !window.fetch || !window.DOMParser) {
    return;
  }
  var busy = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) {
      return;
    }
    busy = true;
    var data = new URLSearchParams(new FormData(form));
    var button = event.submitter || form.querySelector("[type=submit]");
    if (button && button.name) {
      data.append(button.name, button.value);
    }
    var url = form.action + "?" + data.toString();
    var focused = document.activeElement && document.activeElement.id;
    form.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var comparison = page.getElementById("whatif-comparison");
        var newForm = page.querySelector("form.whatif-form");
        var errors = page.getElementById("form-errors");
        var oldErrors = document.getElementById("form-errors");
        if (oldErrors) {
          oldErrors.remove();
        }
        if (errors) {
          form.parentNode.insertBefore(document.importNode(errors, true), form);
        }
        if (comparison) {
          document.getElementById("whatif-comparison").innerHTML = comparison.innerHTML;
        }
        if (newForm) {
          form.innerHTML = newForm.innerHTML;
        }
        history.replaceState(null, "", url);
        var target = errors ? document.getElementById("form-errors") : document.getElementById("whatif-title");
        if (target) {
          target.setAttribute("tabindex", "-1");
          target.focus();
        } else if (focused && document.getElementById(focused)) {
          document.getElementById(focused).focus();
        }
      })
      .catch(function () {
        window.location.href = url; // the page itself then says what went wrong (a limit reached, say)
      })
      .finally(function () {
        busy = false;
        form.removeAttribute("aria-busy");
      });
  });
})();
