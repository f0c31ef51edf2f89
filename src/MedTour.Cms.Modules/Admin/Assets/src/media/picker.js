// The media picker: a "Choose" button hands the file's path to the editor window that opened the library
// (/admin/media?picker=1&field=ID). Same-origin openers get the value written into the field #ID (with an "input" and a
// "change" event) and a message { type: "medtour:media-picked", field, path } for editors that prefer to listen;
// then the picker closes. Without an opener (opened in the same tab) the path is left selected to copy.

export function enhance(button) {
  button.addEventListener("click", () => {
    const path = button.dataset.path;
    const field = button.dataset.field || "";
    const opener = window.opener;
    if (opener && !opener.closed) {
      try {
        const input = field ? opener.document.getElementById(field) : null;
        if (input) {
          input.value = path;
          input.dispatchEvent(new Event("input", { bubbles: true }));
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
      } catch {
        // Another origin: only the message below reaches it.
      }
      opener.postMessage({ type: "medtour:media-picked", field, path }, window.location.origin);
      window.close();
      return;
    }
    const copy = button.parentElement.querySelector("input[readonly]");
    if (copy) {
      copy.focus();
      copy.select();
    }
  });
}
