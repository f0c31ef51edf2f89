// Search-result preview: title (the SEO title, else the item's), address and description, updated as one types.
export function enhanceSeoPreview(preview, form) {
  const value = (name) => form.querySelector(`[name='${name}']`)?.value ?? "";
  const title = preview.querySelector("[data-seo-title]");
  const url = preview.querySelector("[data-seo-url]");
  const description = preview.querySelector("[data-seo-description]");
  const update = () => {
    title.textContent = value("SeoMetaPart.PageTitle") || value("TitlePart.Title");
    url.textContent = url.dataset.origin + (value("AutoroutePart.Path") || form.dataset.generatedPath || "");
    description.textContent = value("SeoMetaPart.MetaDescription");
  };
  form.addEventListener("input", update);
  form.addEventListener("path-preview", update);
}
