// Shows the path the type's pattern makes of the title while the path input is empty (asked of the server, which
// applies the same pattern and uniqueness a save would).
import { debounce } from "./editor.js";

export function enhancePathPreview(input, form) {
  const output = input.parentElement.querySelector("[data-path-preview-output]");
  const title = form.querySelector("[name='TitlePart.Title']");
  if (!output || !title) return;
  const update = debounce(async () => {
    if (input.value.trim().length > 0 || title.value.trim().length === 0) {
      output.textContent = "";
      return;
    }
    const culture = form.querySelector("[name='LocalizationPart.Culture']")?.value ?? "";
    const url = `${input.dataset.pathPreview}?title=${encodeURIComponent(title.value)}&culture=${encodeURIComponent(culture)}&id=${encodeURIComponent(input.dataset.contentItemId ?? "")}`;
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) return;
    const { path } = await response.json();
    form.dataset.generatedPath = path;
    output.textContent = `/${path}`;
    form.dispatchEvent(new Event("path-preview"));
  });
  title.addEventListener("input", update);
  input.addEventListener("input", update);
  update();
}
