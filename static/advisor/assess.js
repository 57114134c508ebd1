// The typical number of IT problems a month for the head count typed, shown under that question as people
// type. Without JavaScript the question's help gives the range a person a month.
(function () {
  var form = document.querySelector(".assessment-form");
  var people = document.getElementById("id_employees");
  var problems = document.getElementById("id_incidents_per_month");
  if (!form || !people || !problems) { return; }
  var low = parseFloat(form.dataset.problemsLow), high = parseFloat(form.dataset.problemsHigh);
  if (!(low >= 0 && high > 0)) { return; }
  var hint = document.createElement("div");
  hint.className = "form-text typical-problems";
  hint.id = "typical-problems";
  hint.setAttribute("aria-live", "polite");
  problems.parentNode.appendChild(hint);
  var described = problems.getAttribute("aria-describedby");
  problems.setAttribute("aria-describedby", (described ? described + " " : "") + hint.id);
  function round(value) { return value >= 10 ? Math.round(value) : Math.round(value * 10) / 10; }
  function update() {
    var count = parseInt(people.value, 10);
    hint.textContent = count >= 1 ? "For " + count.toLocaleString("en") + (count === 1 ? " person" : " people") +
      ", typically about " + round(count * low) + " to " + round(count * high) + " a month." : "";
  }
  people.addEventListener("input", update);
  update();
})();
