// Progressive enhancement of a template's textarea: CodeMirror 6 with Liquid highlighting and line numbers. The
// textarea stays in the form (hidden) and receives the editor's text on every change, so the post is the same with
// or without this script. A parse error's line and column (data-error-line/-column) get the cursor and a marked line.
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine, Decoration } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { syntaxHighlighting, bracketMatching } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { liquid } from "./liquid-language.js";

export function enhance(textarea) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const errorLine = Number(textarea.dataset.errorLine || 0);
  const errorColumn = Number(textarea.dataset.errorColumn || 1);
  const extensions = [
    lineNumbers(),
    history(),
    highlightActiveLine(),
    bracketMatching(),
    liquid,
    // Stable class names (tok-keyword…) styled in admin.css: the CSP (style-src 'self') blocks the styles CodeMirror would inject.
    syntaxHighlighting(classHighlighter),
    // No Tab binding: Tab keeps moving the focus out of the editor, as in every other field.
    keymap.of([...defaultKeymap, ...historyKeymap]),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({
      "aria-label": label ? label.textContent : "Liquid",
      "aria-describedby": textarea.getAttribute("aria-describedby") || "",
      "aria-invalid": textarea.getAttribute("aria-invalid") || "false",
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) textarea.value = update.state.doc.toString();
    }),
  ];
  let selection;
  if (errorLine > 0) {
    // Built from the text as it is, before the editor exists: the line to mark and where to put the cursor.
    const probe = EditorState.create({ doc: textarea.value });
    if (errorLine <= probe.doc.lines) {
      const line = probe.doc.line(errorLine);
      selection = { anchor: Math.min(line.from + Math.max(errorColumn - 1, 0), line.to) };
      extensions.push(EditorView.decorations.of(Decoration.set([Decoration.line({ class: "cm-error-line" }).range(line.from)])));
    }
  }

  const view = new EditorView({ state: EditorState.create({ doc: textarea.value, selection, extensions }) });
  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", view.dom);
  if (label) label.addEventListener("click", () => view.focus());
  if (selection) view.dispatch({ effects: EditorView.scrollIntoView(selection.anchor, { y: "center" }) });
}
