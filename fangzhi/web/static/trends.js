// Draws the trends page's chart from its JSON twin; the table under it serves readers without
// JavaScript. Straight lines between months (a curve would show values no month has), one
// distinct colour a series, whole numbers on the axis of counts, and a switch to counts per
// 1,000 articles printed that month (a month that printed more says more of everything).
(function () {
  "use strict";
  var canvas = document.getElementById("trend-chart");
  var measure = document.getElementById("trend-measure");
  if (!canvas || typeof Chart === "undefined") { return; }
  var COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                 "#17becf", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#843c39"];
  fetch(canvas.dataset.source, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("trends data: HTTP " + r.status); } return r.json(); })
    .then(function (data) {
      function datasets(per) {
        return data.series.map(function (s, i) {
          var c = COLOURS[i % COLOURS.length];
          return { label: s.term, data: per ? s.per_1000 : s.counts, borderColor: c, backgroundColor: c,
                   tension: 0, pointRadius: 2 };
        });
      }
      function axis(per) {
        return { beginAtZero: true, title: { display: true, text: per ? "每千篇报道中的篇数" : "篇数" },
                 ticks: { precision: per ? 1 : 0 } };
      }
      var chart = new Chart(canvas, {
        type: "line",
        data: { labels: data.months, datasets: datasets(false) },
        options: { responsive: true, interaction: { mode: "index", intersect: false },
                   scales: { x: { title: { display: true, text: "月份" } }, y: axis(false) } }
      });
      if (measure) {
        measure.addEventListener("change", function () {
          var per = measure.value === "per_1000";
          chart.data.datasets = datasets(per);
          chart.options.scales.y = axis(per);
          chart.update();
        });
      }
    });
})();
