// Progressive enhancement of a workflow type's textarea: CodeMirror 6 with JSON highlighting, bracket matching and line
// numbers. The textarea stays in the form (hidden) and gets the editor's text on every change, with an "input" event so
// the diagram follows what is typed; the post is the same with or without this script. The server checks the JSON.
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { syntaxHighlighting, bracketMatching } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { json } from "@codemirror/lang-json";

export function enhance(textarea) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        history(),
        highlightActiveLine(),
        bracketMatching(),
        json(),
        // Stable class names (tok-string…) styled in admin.css: the CSP blocks the styles CodeMirror would inject.
        syntaxHighlighting(classHighlighter),
        // No Tab binding: Tab keeps moving the focus out of the editor, as in every other field.
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          "aria-label": label ? label.textContent : "JSON",
          "aria-describedby": textarea.getAttribute("aria-describedby") || "",
          "aria-invalid": textarea.getAttribute("aria-invalid") || "false",
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event("input"));
        }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", view.dom);
  if (label) label.addEventListener("click", () => view.focus());
}
