// Draws a workflow type's activities and transitions as an SVG, laid out by dagre (layered, top to bottom). The JSON
// comes from the textarea named by data-source, and the drawing follows it as it is edited; while the text is not valid
// JSON the last drawing stays, with a note. The server-rendered table of transitions stays for screen readers and
// for pages without scripts. Everything is built with DOM calls: no inline styles or scripts (CSP).
import dagre from "@dagrejs/dagre";

const SVG = "http://www.w3.org/2000/svg";
const CHAR = 7.2; // average width of a character of the diagram's font, in px
const NODE_HEIGHT = 46;

export function enhance(figure) {
  const source = document.getElementById(figure.dataset.source);
  if (!source) return;
  const canvas = document.createElement("div");
  canvas.className = "workflow-diagram-canvas";
  canvas.tabIndex = 0; // scrollable at 375 px: reachable by keyboard
  canvas.setAttribute("role", "group");
  canvas.setAttribute("aria-label", figure.dataset.label || "Diagram");
  const note = document.createElement("p");
  note.className = "hint";
  note.setAttribute("aria-live", "polite");
  figure.prepend(canvas, note);

  let timer;
  const draw = () => {
    let type;
    try {
      type = JSON.parse(source.value);
    } catch {
      note.textContent = figure.dataset.invalidNote || "The JSON is not valid; the diagram shows the last valid version.";
      return;
    }
    note.textContent = "";
    canvas.replaceChildren(render(type, figure.dataset.title || "Workflow"));
  };
  source.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(draw, 250);
  });
  draw();
}

function render(type, title) {
  const activities = Array.isArray(type.Activities ?? type.activities) ? (type.Activities ?? type.activities) : [];
  const transitions = Array.isArray(type.Transitions ?? type.transitions) ? (type.Transitions ?? type.transitions) : [];
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", nodesep: 30, ranksep: 50, edgesep: 15, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const activity of activities) {
    const id = String(activity.ActivityId ?? activity.activityId ?? "");
    const name = String(activity.Name ?? activity.name ?? "");
    if (!id || graph.hasNode(id)) continue;
    const width = Math.max(name.length, id.length) * CHAR + 24;
    graph.setNode(id, { id, name, width, height: NODE_HEIGHT, start: Boolean(activity.IsStart ?? activity.isStart) });
  }
  transitions.forEach((t, i) => {
    const from = String(t.SourceActivityId ?? t.sourceActivityId ?? "");
    const to = String(t.DestinationActivityId ?? t.destinationActivityId ?? "");
    const outcome = String(t.SourceOutcomeName ?? t.sourceOutcomeName ?? "");
    if (!graph.hasNode(from) || !graph.hasNode(to)) return;
    graph.setEdge(from, to, { outcome, width: outcome.length * CHAR + 8, height: 16, labelpos: "c" }, `t${i}`);
  });
  dagre.layout(graph);

  const { width = 0, height = 0 } = graph.graph();
  const svg = element("svg", { viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`, width: Math.ceil(width), height: Math.ceil(height), role: "img", class: "workflow-svg" });
  const titleElement = element("title", {});
  titleElement.textContent = `${title}: ${graph.nodeCount()} activities, ${graph.edgeCount()} transitions`;
  svg.append(titleElement, arrowMarker());

  for (const edge of graph.edges()) {
    const label = graph.edge(edge);
    const points = label.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
    svg.append(element("polyline", { points, class: "workflow-edge", "marker-end": "url(#workflow-arrow)" }));
    if (label.outcome) {
      const text = element("text", { x: label.x, y: label.y + 4, class: "workflow-outcome", "text-anchor": "middle" });
      text.textContent = label.outcome;
      svg.append(text);
    }
  }

  for (const id of graph.nodes()) {
    const node = graph.node(id);
    const group = element("g", { class: node.start ? "workflow-node start" : "workflow-node", "data-activity": id });
    group.append(element("rect", { x: node.x - node.width / 2, y: node.y - node.height / 2, width: node.width, height: node.height, rx: 6 }));
    const name = element("text", { x: node.x, y: node.y - 4, "text-anchor": "middle", class: "workflow-node-name" });
    name.textContent = node.name;
    const activityId = element("text", { x: node.x, y: node.y + 14, "text-anchor": "middle", class: "workflow-node-id" });
    activityId.textContent = id;
    group.append(name, activityId);
    svg.append(group);
  }
  return svg;
}

function arrowMarker() {
  const defs = element("defs", {});
  const marker = element("marker", { id: "workflow-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: "auto-start-reverse" });
  marker.append(element("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "workflow-arrow" }));
  defs.append(marker);
  return defs;
}

function element(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}
