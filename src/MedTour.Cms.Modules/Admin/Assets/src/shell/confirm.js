// Asks before a destructive form is sent (the server checks again: a typed confirmation or a confirm field).
export function enhance(element) {
  const form = element.tagName === "FORM" ? element : element.closest("form");
  if (!form || form.dataset.confirmBound) return;
  form.dataset.confirmBound = "1";
  form.addEventListener("submit", (event) => {
    const message = element.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
}
