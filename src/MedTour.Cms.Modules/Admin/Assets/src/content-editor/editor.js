// The content editor's enhancements; the form works without them (ids typed, no live previews, a plain textarea).
// Tiptap is loaded only when the form has an HTML field.
import { enhancePicker } from "./picker.js";
import { enhanceMarkdown } from "./markdown-preview.js";
import { enhanceSeoPreview } from "./seo-preview.js";
import { enhancePathPreview } from "./path-preview.js";

export async function enhance(form) {
  form.querySelectorAll("[data-content-picker]").forEach((input) => enhancePicker(input, form));
  form.querySelectorAll("[data-markdown-preview]").forEach((area) => enhanceMarkdown(area, form));
  form.querySelectorAll("[data-path-preview]").forEach((input) => enhancePathPreview(input, form));
  listenForMediaPicks(form);
  const seo = form.querySelector("[data-seo-preview]");
  if (seo) enhanceSeoPreview(seo, form);
  const rich = form.querySelectorAll("textarea[data-rich-text]");
  if (rich.length > 0) {
    const { enhanceRichText } = await import("./rich-text.js");
    rich.forEach((area) => enhanceRichText(area));
  }
}

/// The media library's picker (opened from a media field) names the field it was opened for; a multiple field's
/// name ends in ".pick" so that the picker leaves it alone and the chosen path is added as a new line here.
function listenForMediaPicks(form) {
  window.addEventListener("message", (event) => {
    if (event.origin !== window.location.origin || event.data?.type !== "medtour:media-picked") return;
    const field = String(event.data.field || "");
    if (!field.endsWith(".pick")) return;
    const area = form.querySelector(`textarea[name='${CSS.escape(field.slice(0, -".pick".length))}']`);
    if (!area) return;
    const lines = area.value.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
    if (!lines.includes(event.data.path)) lines.push(event.data.path);
    area.value = lines.join("\n");
  });
}

/// Calls fn at most once per `ms` of quiet typing.
export function debounce(fn, ms = 300) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/// The form's antiforgery token, sent with the editor's own POSTs (the admin checks it on every post).
export function antiforgery(form) {
  const field = form.querySelector("input[name='__RequestVerificationToken']");
  return field ? [field.name, field.value] : null;
}
