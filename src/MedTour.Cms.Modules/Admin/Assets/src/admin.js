// The admin works without JavaScript; this file only enhances what is on the page.
import { features } from "./features.js";

async function enhanceAll(root) {
  for (const feature of features) {
    const elements = root.querySelectorAll(feature.selector);
    if (elements.length === 0) continue;
    const module = await feature.load();
    elements.forEach((element) => module.enhance(element));
  }
}

// The error summary of a form that failed validation takes focus, so screen readers announce it.
document.querySelector("[data-error-summary]")?.focus();
enhanceAll(document);
