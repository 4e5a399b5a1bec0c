// The network page: Cytoscape.js draws the neighbourhood; selecting a node fetches and adds its own; a date hides the
// links not valid then. The table beside it is the same content, for keyboards and screen readers.
(function () {
  'use strict';
  var colours = {Person: '#0b4f8a', Unit: '#116329', Incident: '#a40e26', Evidence: '#6e40c9'};
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('network');
    if (!box || typeof cytoscape === 'undefined') { return; }
    var cy = cytoscape({
      container: box,
      style: [
        {selector: 'node', style: {'label': 'data(label)', 'background-color': 'data(colour)', 'font-size': 10,
          'text-wrap': 'ellipsis', 'text-max-width': 160, 'color': '#1b1f24'}},
        {selector: 'edge', style: {'label': 'data(label)', 'font-size': 8, 'curve-style': 'bezier', 'line-color': '#8c959f',
          'target-arrow-shape': 'triangle', 'target-arrow-color': '#8c959f', 'color': '#57606a'}},
        {selector: '.hidden', style: {'display': 'none'}}
      ]
    });
    var loaded = {};
    function add(url) {
      if (loaded[url]) { return; }
      loaded[url] = true;
      fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.json(); })
        .then(function (g) {
          g.nodes.forEach(function (n) {
            if (cy.getElementById(n.id).empty()) {
              cy.add({group: 'nodes', data: {id: n.id, label: n.label, colour: colours[n.type] || '#9a3b00', source: n.neighbourhood, link: n.link}});
            }
          });
          g.edges.forEach(function (e) {
            if (cy.getElementById(e.id).empty()) {
              cy.add({group: 'edges', data: {id: e.id, source: e.source, target: e.target, label: e.label, start: e.start, end: e.end}});
            }
          });
          cy.layout({name: 'cose', animate: false}).run();
          filter();
        });
    }
    function valid(start, end, at) {
      return (!start || start.substring(0, at.length) <= at || at.startsWith(start)) && (!end || end >= at.substring(0, end.length));
    }
    function filter() {
      var at = document.getElementById('network-date').value.trim();
      cy.edges().forEach(function (e) {
        if (at && !valid(e.data('start'), e.data('end'), at)) { e.addClass('hidden'); } else { e.removeClass('hidden'); }
      });
      document.querySelectorAll('#network-table tbody tr').forEach(function (row) {
        row.hidden = !!at && !valid(row.dataset.start, row.dataset.end, at);
      });
    }
    cy.on('tap', 'node', function (evt) { add(evt.target.data('source')); });
    document.getElementById('network-filter').addEventListener('click', filter);
    document.getElementById('network-all').addEventListener('click', function () {
      document.getElementById('network-date').value = ''; filter();
    });
    document.querySelectorAll('button.expand').forEach(function (b) {
      b.addEventListener('click', function () { add(b.dataset.source); b.disabled = true; b.textContent = 'Added'; });
    });
    add(box.dataset.source);
  });
})();
