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
}
