// Draws the network page's graph from its JSON twin; the table below it serves readers without JavaScript.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") { return; }
  fetch(box.dataset.source, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("network data: HTTP " + r.status); } return r.json(); })
    .then(function (data) {
      var elements = data.nodes.map(function (n) {
        return { data: { id: n.id, label: n.name, size: 10 + Math.min(n.articles, 20) * 2 } };
      }).concat(data.edges.map(function (e) {
        return { data: { id: e.source + "|" + e.target, source: e.source, target: e.target, weight: e.weight } };
      }));
      var cy = cytoscape({
        container: box,
        elements: elements,
        layout: { name: "cose", animate: false },
        style: [
          { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
                                       "background-color": "#8b1a1a", "font-size": 10 } },
          { selector: "edge", style: { width: "mapData(weight, 1, 20, 1, 6)", "line-color": "#bbb" } }
        ]
      });
      cy.on("tap", "node", function (evt) { window.location = "/person/" + encodeURIComponent(evt.target.id()); });
      box.dataset.ready = "true";
    });
})();
