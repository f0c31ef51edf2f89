// HTML fields: Tiptap over the textarea. The textarea stays the form's value (kept in sync); the server sanitizes
// whatever arrives, so the editor is a convenience, not a safety measure.
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

const buttons = [
  { label: "B", name: "Bold", run: (c) => c.toggleBold(), active: (e) => e.isActive("bold") },
  { label: "I", name: "Italic", run: (c) => c.toggleItalic(), active: (e) => e.isActive("italic") },
  { label: "H2", name: "Heading 2", run: (c) => c.toggleHeading({ level: 2 }), active: (e) => e.isActive("heading", { level: 2 }) },
  { label: "H3", name: "Heading 3", run: (c) => c.toggleHeading({ level: 3 }), active: (e) => e.isActive("heading", { level: 3 }) },
  { label: "•", name: "Bulleted list", run: (c) => c.toggleBulletList(), active: (e) => e.isActive("bulletList") },
  { label: "1.", name: "Numbered list", run: (c) => c.toggleOrderedList(), active: (e) => e.isActive("orderedList") },
  { label: "❝", name: "Quote", run: (c) => c.toggleBlockquote(), active: (e) => e.isActive("blockquote") },
  { label: "↶", name: "Undo", run: (c) => c.undo(), active: () => false },
  { label: "↷", name: "Redo", run: (c) => c.redo(), active: () => false },
];

export function enhanceRichText(area) {
  // Button names in the admin's language, from the page (data-rich-text="Bold|Italic|…").
  const names = (area.dataset.richText || "").split("|");
  const wrapper = document.createElement("div");
  wrapper.className = "rich-text";
  const toolbar = document.createElement("div");
  toolbar.className = "rich-text-toolbar";
  toolbar.setAttribute("role", "toolbar");
  const label = document.querySelector(`label[for='${CSS.escape(area.id)}']`);
  toolbar.setAttribute("aria-label", label ? label.textContent.trim() : area.name);
  const host = document.createElement("div");
  wrapper.append(toolbar, host);
  area.insertAdjacentElement("afterend", wrapper);
  area.hidden = true;

  const editor = new Editor({
    element: host,
    // No <style> element: the CSP allows only the admin stylesheet (the editor's rules are in content-editor.css).
    injectCSS: false,
    extensions: [StarterKit.configure({ link: { openOnClick: false } })],
    content: area.value,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        ...(label ? { "aria-label": label.textContent.trim() } : {}),
        ...(area.getAttribute("aria-describedby") ? { "aria-describedby": area.getAttribute("aria-describedby") } : {}),
      },
    },
    onUpdate: ({ editor: e }) => {
      area.value = e.getHTML();
      area.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
  // The label points at the hidden textarea; clicking it should reach the editor.
  label?.addEventListener("click", () => editor.commands.focus());

  const controls = buttons.map((b) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = b.label;
    const name = names[buttons.indexOf(b)] || b.name;
    button.title = name;
    // The visible symbol leads the accessible name, so speech input ("click H2") finds the button.
    button.setAttribute("aria-label", `${b.label} ${name}`);
    button.addEventListener("click", () => {
      b.run(editor.chain().focus()).run();
    });
    toolbar.append(button);
    return { button, b };
  });
  const refresh = () => controls.forEach(({ button, b }) => button.setAttribute("aria-pressed", String(b.active(editor))));
  editor.on("selectionUpdate", refresh);
  editor.on("transaction", refresh);
  refresh();
}
