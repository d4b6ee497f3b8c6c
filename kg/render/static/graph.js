/* kg graph page: draws the network and builds the legend, filters, search, tooltip and evidence panel from
   the page's JSON data. Text from articles is only ever inserted as text (textContent, text nodes, input
   values), never as markup, and a link is made only of an http(s) URL. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var NODES = {};
  var LINKS = {};
  var STYLES = {};
  DATA.nodes.forEach(function (n) { NODES[n.id] = n; });
  DATA.links.forEach(function (l) { LINKS[l.id] = l; });
  DATA.types.forEach(function (t) { STYLES[t.type] = t; });
  var SVG = "http://www.w3.org/2000/svg";

  // -- small DOM helpers: every string goes in as a text node ----------------------------------------

  function el(tag, cls, children) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function byId(id) { return document.getElementById(id); }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  function count(n, one, many) { return Number(n).toLocaleString("en") + " " + (n === 1 ? one : many); }

  function safeUrl(url) { return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null; }

  function short(text, limit) {
    var s = String(text || "");
    return s.length > limit ? s.slice(0, limit - 1) + "…" : s;
  }

  // -- the claim of a link, the source of a piece of evidence -----------------------------------------

  function targetText(link) {
    return link.kind === "quote" ? "“" + link.content + "”" : NODES[link.target].label;
  }

  function claimLine(link, limit) {
    return el("p", "kg-claim", [
      el("span", "kg-subject", [NODES[link.source].label]), " ",
      el("span", "kg-pred", [link.label]), " ",
      el("span", link.kind === "quote" ? "kg-quote" : "kg-object", [short(targetText(link), limit)]),
    ]);
  }

  function sentence(ev) {
    return el("blockquote", "kg-sentence", ev.segments.map(function (seg) {
      return seg[1] ? el("mark", "hl-" + seg[1], [seg[0]]) : document.createTextNode(seg[0]);
    }));
  }

  function documentOf(ev) {
    return DATA.documents[ev.document] || { source: ev.source, title: null, publisher: null, published: null };
  }

  function sourceLine(ev) {
    var doc = documentOf(ev);
    var url = safeUrl(doc.url);
    var name = doc.title || doc.source;
    var title = url ? el("a", "kg-source-title", [name]) : el("span", "kg-source-title", [name]);
    if (url) {
      title.href = url;
      title.target = "_blank";
      title.rel = "noopener noreferrer";
    }
    var facts = [doc.publisher, doc.published].filter(Boolean).join(", ");
    return el("p", "kg-source", [title, facts ? " — " + facts : null]);
  }

  function provenance(ev) {
    var parts = [];
    if (ev.cue) { parts.push("cue “" + ev.cue + "”"); }
    if (ev.mode) { parts.push(ev.mode); }
    parts.push("confidence " + ev.confidence);
    parts.push(ev.extractor);
    return el("p", "kg-provenance", [parts.join(" · ")]);
  }

  // -- the tooltip: what an edge, a quote or an entity is, at a glance ------------------------------

  var tooltip = byId("kg-tooltip");
  var graphBox = byId("kg-graph");

  function linkSummary(link) {
    var ev = link.evidence[0];
    var more = link.evidence_count > 1
      ? "1 of " + count(link.evidence_count, "piece", "pieces") + " of evidence: click for all"
      : "1 piece of evidence: click to keep it in the panel";
    return [claimLine(link, 140), ev ? sentence(ev) : null, ev ? sourceLine(ev) : null,
            ev ? provenance(ev) : null, el("p", "kg-more", [more])];
  }

  function entitySummary(node) {
    var claims = linksOf(node.id).length;
    return [el("p", "kg-claim", [el("span", "kg-subject", [node.label])]),
            el("p", "kg-provenance", [(STYLES[node.type] || {}).name + " · " + count(claims, "claim", "claims")]),
            node.aliases.length ? el("p", "kg-more", ["also: " + node.aliases.join(", ")]) : null];
  }

  function showTooltip(parts, pointer) {
    clear(tooltip);
    parts.forEach(function (part) { if (part) { tooltip.appendChild(part); } });
    tooltip.hidden = false;
    var box = graphBox.getBoundingClientRect();
    var x = Math.min(pointer.x + 14, box.width - tooltip.offsetWidth - 8);
    var y = pointer.y + 14 + tooltip.offsetHeight > box.height ? pointer.y - tooltip.offsetHeight - 10 : pointer.y + 14;
    tooltip.style.left = Math.max(4, x) + "px";
    tooltip.style.top = Math.max(4, y) + "px";
  }

  function hideTooltip() { tooltip.hidden = true; }

  // -- the panel: a claim with all its evidence, or an entity with its claims ------------------------

  var panel = byId("kg-details");

  function evidenceItem(link, ev) {
    var who = NODES[link.source].label;
    var facts = [];
    if (ev.subject_as && ev.subject_as !== who) { facts.push((link.kind === "quote" ? "speaker" : "subject") + " written “" + ev.subject_as + "”"); }
    if (ev.object_as && link.kind !== "quote" && ev.object_as !== NODES[link.target].label) { facts.push("object written “" + ev.object_as + "”"); }
    if (ev.addressee) { facts.push("to " + ev.addressee); }
    if (ev.medium) { facts.push("via " + ev.medium); }
    var doc = documentOf(ev);
    return el("li", "kg-evidence", [
      sentence(ev), sourceLine(ev), provenance(ev),
      facts.length ? el("p", "kg-more", [facts.join(" · ")]) : null,
      el("p", "kg-where", [doc.source + ", characters " + ev.start + "–" + ev.end]),
    ]);
  }

  function showLink(id) {
    var link = LINKS[id];
    clear(panel);
    var documents = new Set(link.evidence.map(function (ev) { return ev.document; })).size;
    panel.appendChild(el("h2", null, [link.kind === "quote" ? "Quote" : "Claim"]));
    panel.appendChild(claimLine(link, 100000));
    panel.appendChild(el("p", "kg-count", [count(link.evidence_count, "piece", "pieces") + " of evidence from " +
                                           count(documents, "source", "sources")]));
    panel.appendChild(el("ol", "kg-evidence-list", link.evidence.map(function (ev) { return evidenceItem(link, ev); })));
  }

  function linksOf(nodeId) {
    return DATA.links.filter(function (l) { return l.source === nodeId || l.target === nodeId; });
  }

  function claimButton(link) {
    var button = el("button", "kg-link", [claimLine(link, 80), " (" + link.evidence_count + ")"]);
    button.type = "button";
    button.addEventListener("click", function () {
      network.selectEdges(visibleEdges.has(link.id) ? [link.id] : []);
      showLink(link.id);
    });
    return el("li", null, [button]);
  }

  function showNode(id) {
    var node = NODES[id];
    var quoteLink = node.type === "Quote" ? linksOf(id)[0] : null;
    if (quoteLink) { showLink(quoteLink.id); return; }
    clear(panel);
    panel.appendChild(el("h2", null, [(STYLES[node.type] || {}).name]));
    panel.appendChild(el("p", "kg-claim", [el("span", "kg-subject", [node.label])]));
    if (node.aliases.length) { panel.appendChild(el("p", "kg-more", ["also: " + node.aliases.join(", ")])); }
    var links = linksOf(id);
    panel.appendChild(el("p", "kg-count", [count(links.length, "claim", "claims")]));
    panel.appendChild(el("ul", "kg-claims", links.map(claimButton)));
  }

  // -- filters: by type, predicate and source ------------------------------------------------------

  var sourceIds = {};
  DATA.links.forEach(function (l) { l.sources.forEach(function (s) { sourceIds[s] = true; }); });
  var state = {
    types: new Set(DATA.types.map(function (t) { return t.type; })),
    predicates: new Set(DATA.predicates.map(function (p) { return p.name; })),
    sources: new Set(Object.keys(sourceIds)),
  };
  var visibleNodes = new Set();
  var visibleEdges = new Set();

  function linkShown(link) {
    return state.predicates.has(link.predicate) &&
      state.types.has(NODES[link.source].type) && state.types.has(NODES[link.target].type) &&
      (link.sources.length === 0 || link.sources.some(function (s) { return state.sources.has(s); }));
  }

  function recompute() {
    visibleEdges = new Set();
    var ends = new Set();
    DATA.links.forEach(function (link) {
      if (linkShown(link)) {
        visibleEdges.add(link.id);
        ends.add(link.source);
        ends.add(link.target);
      }
    });
    visibleNodes = new Set(DATA.nodes.filter(function (n) {
      return state.types.has(n.type) && (ends.has(n.id) || n.degree === 0);
    }).map(function (n) { return n.id; }));
  }

  function swatch(type) {
    var style = STYLES[type];
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("class", "kg-swatch");
    var shapes = {
      dot: ["circle", { cx: 8, cy: 8, r: 6 }], square: ["rect", { x: 2, y: 2, width: 12, height: 12 }],
      box: ["rect", { x: 1, y: 3, width: 14, height: 10, rx: 3 }],
      diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }], hexagon: ["polygon", { points: "4,2 12,2 15,8 12,14 4,14 1,8" }],
      triangle: ["polygon", { points: "8,1 15,14 1,14" }], triangleDown: ["polygon", { points: "1,2 15,2 8,15" }],
    };
    var spec = shapes[style.shape] || shapes.dot;
    var shape = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (k) { shape.setAttribute(k, spec[1][k]); });
    shape.setAttribute("fill", style.color);
    shape.setAttribute("stroke", style.border);
    svg.appendChild(shape);
    return svg;
  }

  function checkRow(set, key, parts, tip) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = key;
    box.addEventListener("change", function () {
      if (box.checked) { set.add(key); } else { set.delete(key); }
      applyFilters();
    });
    var label = el("label", null, [box].concat(parts));
    if (tip) { label.title = tip; }
    return el("li", null, [label]);
  }

  function filterGroup(listId, set, rows) {
    var list = byId(listId);
    rows.forEach(function (row) { list.appendChild(row); });
    var heading = list.parentNode.querySelector("h2");
    ["all", "none"].forEach(function (which) {
      var button = el("button", "kg-toggle", [which]);
      button.type = "button";
      button.addEventListener("click", function () {
        list.querySelectorAll("input[type=checkbox]").forEach(function (box) {
          box.checked = which === "all";
          if (box.checked) { set.add(box.value); } else { set.delete(box.value); }
        });
        applyFilters();
      });
      heading.appendChild(button);
    });
  }

  function buildFilters() {
    filterGroup("kg-types", state.types, DATA.types.map(function (t) {
      return checkRow(state.types, t.type, [swatch(t.type), " " + t.name + " ", el("span", "kg-n", [t.count])]);
    }));
    filterGroup("kg-predicates", state.predicates, DATA.predicates.map(function (p) {
      return checkRow(state.predicates, p.name, [el("span", "kg-pred-" + p.kind, [p.label]), " ", el("span", "kg-n", [p.count])], p.name);
    }));
    function docName(id) { var doc = DATA.documents[id] || { source: id }; return String(doc.title || doc.source); }
    var ids = Object.keys(sourceIds).sort(function (a, b) { return docName(a).localeCompare(docName(b)); });
    filterGroup("kg-sources", state.sources, ids.map(function (id) {
      var doc = DATA.documents[id] || { source: id };
      var facts = [doc.publisher, doc.published].filter(Boolean).join(", ");
      var name = el("span", "kg-source-name", [short(doc.title || doc.source, 70), facts ? el("span", "kg-n", [facts]) : null]);
      return checkRow(state.sources, id, [name], doc.source);
    }));
  }

  // -- search: find a node by name, alias or quote text, and focus it -------------------------------

  function findNode(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var best = null;
    var bestRank = 4;
    DATA.nodes.forEach(function (n) {
      var names = [n.label].concat(n.aliases).map(function (s) { return String(s).toLowerCase(); });
      var rank = names.indexOf(q) === 0 ? 0 : names.indexOf(q) > 0 ? 1
        : names.some(function (s) { return s.indexOf(q) === 0; }) ? 2
        : names.some(function (s) { return s.indexOf(q) >= 0; }) ? 3 : 4;
      if (rank < bestRank || (rank === bestRank && best && rank < 4 && n.degree > best.degree)) {
        best = n;
        bestRank = rank;
      }
    });
    return bestRank < 4 ? best : null;
  }

  function search(event) {
    event.preventDefault();
    var status = byId("kg-search-status");
    var query = byId("kg-search-input").value;
    var node = findNode(query);
    if (!node) { status.textContent = "nothing matches “" + short(query, 40) + "”"; return; }
    if (!visibleNodes.has(node.id)) { status.textContent = "“" + short(node.label, 40) + "” is hidden by the filters"; return; }
    status.textContent = "";
    network.selectNodes([node.id]);
    network.focus(node.id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(node.id);
  }

  function buildSearch() {
    var names = byId("kg-names");
    DATA.nodes.forEach(function (n) {
      if (n.type !== "Quote") {
        var option = el("option");
        option.value = n.label;
        names.appendChild(option);
      }
    });
    byId("kg-search").addEventListener("submit", search);
  }

  // -- header: what the page shows and what the node limit left out ----------------------------------

  function buildSummary() {
    var meta = DATA.meta;
    byId("kg-summary").textContent = count(meta.nodes, "node", "nodes") + ", " + count(meta.links, "claim", "claims") +
      ", " + count(meta.evidence, "piece", "pieces") + " of evidence from " + count(meta.documents, "article", "articles") +
      (meta.focus.length ? " · around " + meta.focus.join(", ") : "");
    var left = DATA.omitted;
    if (!left) { return; }
    var box = byId("kg-omitted");
    var types = Object.keys(left.by_type).sort().map(function (t) {
      var style = STYLES[t] || { name: t, plural: t };
      return count(left.by_type[t], style.name, style.plural);
    });
    box.appendChild(el("h2", null, ["Not shown"]));
    box.appendChild(el("p", null, ["The node limit (" + left.limit + ") keeps the most connected nodes. Left out: " +
      count(left.nodes, "node", "nodes") + " (" + types.join(", ") + ") and " + count(left.edges, "claim", "claims") + "."]));
    if (left.examples.length) { box.appendChild(el("p", "kg-more", ["Among them: " + left.examples.join(", ") + "."])); }
    box.appendChild(el("p", "kg-more", ["Choose what to see with kg viz --focus NAME --depth N or a query, or raise --max-nodes."]));
    box.hidden = false;
  }

  // -- the network ---------------------------------------------------------------------------------

  recompute();
  var nodes = new vis.DataSet(DATA.vis.nodes);
  var edges = new vis.DataSet(DATA.vis.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });
  var network = new vis.Network(byId("kg-network"), { nodes: nodeView, edges: edgeView }, DATA.vis.options);

  function applyFilters() {
    recompute();
    nodeView.refresh();
    edgeView.refresh();
    hideTooltip();
  }

  function settled() {
    network.setOptions({ physics: { enabled: false } });
    // A small graph may be drawn larger than life-size, where its quotes are easier to read.
    network.fit({ maxZoomLevel: 1.4 });
    byId("kg-progress").hidden = true;
    document.body.setAttribute("data-kg-state", "ready");
  }

  network.on("stabilizationProgress", function (p) {
    byId("kg-progress").textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settled);
  network.on("hoverEdge", function (p) { showTooltip(linkSummary(LINKS[p.edge]), p.pointer.DOM); });
  network.on("hoverNode", function (p) {
    var node = NODES[p.node];
    var quoteLink = node.type === "Quote" ? linksOf(node.id)[0] : null;
    showTooltip(quoteLink ? linkSummary(quoteLink) : entitySummary(node), p.pointer.DOM);
  });
  network.on("blurEdge", hideTooltip);
  network.on("blurNode", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  // vis-network sends no blur event when the pointer leaves the canvas itself.
  byId("kg-network").addEventListener("mouseleave", hideTooltip);
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); } else if (p.edges.length) { showLink(p.edges[0]); }
  });

  buildSummary();
  buildFilters();
  buildSearch();
  if (DATA.nodes.length === 0) { byId("kg-progress").textContent = "The graph is empty."; settled(); }
  document.body.setAttribute("data-kg-state", document.body.getAttribute("data-kg-state") === "ready" ? "ready" : "settling");

  window.kg = { network: network, nodes: nodes, edges: edges, showLink: showLink, showNode: showNode, state: state, visibleNodes: function () { return visibleNodes; } };
})();
