// Draws the trends page's chart from its JSON twin; the table above it serves readers without JavaScript.
(function () {
  "use strict";
  var canvas = document.getElementById("trend-chart");
  if (!canvas || typeof Chart === "undefined") { return; }
  fetch(canvas.dataset.source, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("trends data: HTTP " + r.status); } return r.json(); })
    .then(function (data) {
      new Chart(canvas, {
        type: "line",
        data: {
          labels: data.months,
          datasets: data.series.map(function (s) { return { label: s.term, data: s.counts, cubicInterpolationMode: "monotone" }; })
        },
        options: { responsive: true, interaction: { mode: "index", intersect: false },
                   scales: { y: { beginAtZero: true, title: { display: true, text: "articles" } } } }
      });
    });
})();
