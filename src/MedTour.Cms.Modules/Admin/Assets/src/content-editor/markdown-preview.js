// Markdown preview: the server renders and sanitizes it as the public page would, so what is shown is what is published.
import { debounce, antiforgery } from "./editor.js";

export function enhanceMarkdown(area, form) {
  const preview = area.parentElement.querySelector(".markdown-preview");
  if (!preview) return;
  const update = debounce(async () => {
    const body = new URLSearchParams({ markdown: area.value });
    const token = antiforgery(form);
    if (token) body.append(token[0], token[1]);
    const response = await fetch(area.dataset.markdownPreview, { method: "POST", body, credentials: "same-origin" });
    if (!response.ok) return;
    // Sanitized on the server (the same sanitizer as the public page).
    preview.innerHTML = await response.text();
    preview.hidden = false;
  }, 400);
  area.addEventListener("input", update);
  update();
}
