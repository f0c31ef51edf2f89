// GraphiQL on /admin/graphql: the site's own endpoint, with the API token typed into the page (kept in this tab only).
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";

function loadStyles(href) {
  if (!href || document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

export function enhance(element) {
  loadStyles(element.dataset.css);
  const tokenInput = document.getElementById(element.dataset.tokenInput);
  const stored = sessionStorage.getItem("medtour.graphiql.token");
  if (tokenInput && stored) tokenInput.value = stored;
  tokenInput?.addEventListener("change", () => sessionStorage.setItem("medtour.graphiql.token", tokenInput.value.trim()));

  const fetcher = async (params) => {
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    const token = tokenInput?.value.trim();
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(element.dataset.endpoint, { method: "POST", headers, body: JSON.stringify(params), credentials: "omit" });
    return response.json();
  };

  element.replaceChildren();
  createRoot(element).render(createElement(GraphiQL, { fetcher, defaultQuery: element.dataset.defaultQuery, shouldPersistHeaders: false }));
  keepAccessible(element);
}

// GraphiQL 4's own markup fails axe: CodeMirror's hidden textareas have no label, its scroll areas cannot be reached by
// keyboard, and each tab (role=tab) holds buttons. React re-creates these nodes, so an observer mends them as they come.
function keepAccessible(root) {
  const labels = [
    [".graphiql-query-editor textarea", "Query"],
    [".graphiql-editor-tool .graphiql-editor:nth-child(1) textarea", "Variables"],
    [".graphiql-editor-tool .graphiql-editor:nth-child(2) textarea", "Headers"],
    ["textarea[readonly]", "Result"],
  ];
  // Only real changes: a write of the same value is still a mutation, and would wake the observer forever.
  const set = (node, name, value) => node.getAttribute(name) === value || node.setAttribute(name, value);
  const mend = () => {
    for (const [selector, label] of labels) {
      root.querySelectorAll(selector).forEach((t) => t.getAttribute("aria-label") || t.setAttribute("aria-label", label));
    }
    root.querySelectorAll(".CodeMirror-scroll[tabindex='-1']").forEach((s) => s.setAttribute("tabindex", "0"));
    root.querySelectorAll("li.graphiql-tab").forEach((tab) => {
      set(tab, "role", "presentation");
      if (tab.hasAttribute("aria-selected")) tab.removeAttribute("aria-selected");
      const button = tab.querySelector(".graphiql-tab-button");
      if (button) {
        set(button, "role", "tab");
        set(button, "aria-selected", tab.classList.contains("graphiql-tab-active") ? "true" : "false");
      }
    });
  };
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; mend(); });
  }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["role", "aria-selected", "tabindex", "class"] });
  mend();
}
