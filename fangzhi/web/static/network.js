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
        // room between people, so that their names do not cover one another
        layout: { name: "cose", animate: false, nodeRepulsion: 40000, idealEdgeLength: 90, nodeOverlap: 40,
                  padding: 30 },
        style: [
          { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
                                       "background-color": "#8b1a1a", "font-size": 13, "text-valign": "bottom",
                                       "text-margin-y": 3, "text-outline-color": "#fff", "text-outline-width": 2,
                                       "min-zoomed-font-size": 8 } },
          { selector: "node.quiet", style: { label: "" } },
          { selector: "node.quiet.hover", style: { label: "data(label)", "z-index": 10 } },
          { selector: "edge", style: { width: "mapData(weight, 1, 20, 1, 6)", "line-color": "#bbb",
                                       "curve-style": "haystack" } }
        ]
      });
      // a name that would cover another's is drawn on hover only: the better connected keep theirs
      var shown = [];
      cy.nodes().sort(function (a, b) { return b.data("size") - a.data("size"); }).forEach(function (n) {
        var bb = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        var covers = shown.some(function (s) { return bb.x1 < s.x2 && s.x1 < bb.x2 && bb.y1 < s.y2 && s.y1 < bb.y2; });
        if (covers) { n.addClass("quiet"); } else { shown.push(bb); }
      });
      cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); });
      cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); });
      cy.on("tap", "node", function (evt) { window.location = "/person/" + encodeURIComponent(evt.target.id()); });
      box.cy = cy;  // for the browser tests, which check that no name covers another
      box.dataset.ready = "true";
    });
})();
