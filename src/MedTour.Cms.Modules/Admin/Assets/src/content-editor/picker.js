// Content picker: a search box under the ids input; results come from /admin/content/picker, which only lists what
// the user may see. Choosing a result adds its id; "Remove" takes one out. The ids input stays the form's value.
import { debounce } from "./editor.js";

export function enhancePicker(input, form) {
  const field = input.closest(".field");
  const multiple = input.dataset.multiple === "true";
  let picked = field.querySelector("[data-picked]");
  if (!picked) {
    picked = document.createElement("ul");
    picked.className = "picked";
    picked.setAttribute("data-picked", "");
    input.insertAdjacentElement("afterend", picked);
  }

  const titles = new Map([...picked.querySelectorAll("li")].map((li) => [li.dataset.id, li.firstChild.textContent.trim()]));
  const ids = () => input.value.split(/[\s,;]+/).filter((id) => id.length > 0);
  const render = () => {
    picked.replaceChildren(...ids().map((id) => {
      const li = document.createElement("li");
      li.dataset.id = id;
      const text = document.createElement("span");
      text.textContent = titles.get(id) ?? id;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "secondary";
      remove.textContent = input.dataset.removeLabel;
      remove.setAttribute("aria-label", `${input.dataset.removeLabel}: ${text.textContent}`);
      remove.addEventListener("click", () => {
        input.value = ids().filter((x) => x !== id).join(", ");
        render();
      });
      li.append(text, remove);
      return li;
    }));
  };

  const searchId = `${input.id}-search`;
  const label = document.createElement("label");
  label.htmlFor = searchId;
  label.textContent = input.dataset.searchLabel;
  const search = document.createElement("input");
  search.type = "search";
  search.id = searchId;
  search.autocomplete = "off";
  search.setAttribute("data-picker-search", "");
  const results = document.createElement("ul");
  results.className = "picker-results";
  results.setAttribute("aria-live", "polite");
  picked.insertAdjacentElement("afterend", results);
  results.before(label, search);

  const find = debounce(async () => {
    const url = `${input.dataset.contentPicker}?types=${encodeURIComponent(input.dataset.types)}&q=${encodeURIComponent(search.value)}`;
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const items = await response.json();
    if (items.length === 0) {
      const none = document.createElement("li");
      none.textContent = input.dataset.noResults;
      results.replaceChildren(none);
      return;
    }
    results.replaceChildren(...items.map((item) => {
      const li = document.createElement("li");
      const choose = document.createElement("button");
      choose.type = "button";
      choose.className = "secondary";
      choose.textContent = item.published ? item.title : `${item.title} (${item.type}, draft)`;
      choose.dataset.id = item.id;
      choose.addEventListener("click", () => {
        titles.set(item.id, item.title);
        const next = multiple ? [...ids().filter((x) => x !== item.id), item.id] : [item.id];
        input.value = next.join(", ");
        results.replaceChildren();
        search.value = "";
        render();
        search.focus();
      });
      li.append(choose);
      return li;
    }));
  });
  search.addEventListener("input", find);
  // On typing, not on "change": a change fires on the blur of a click on Save, and a list redrawn then moves the
  // button away between mousedown and mouseup, so the click (and the save) would be lost.
  input.addEventListener("input", debounce(render, 200));
  render();
}
