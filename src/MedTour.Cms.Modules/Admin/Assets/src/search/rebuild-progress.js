// The rebuild button posts in the background and a progress bar follows the status JSON until the rebuild is done;
// then the index table is refreshed from the same JSON. Without scripts the form posts and the page shows the state.
export function enhance(form) {
  const button = form.querySelector("button[type=submit]");
  const bar = form.querySelector("progress");
  const box = form.querySelector(".rebuild-progress");
  const status = form.querySelector("[data-rebuild-status]");
  const statusUrl = form.dataset.statusUrl;

  const show = (state) => {
    bar.value = state.percent;
    bar.textContent = `${state.percent} %`;
    box.hidden = !state.rebuilding;
    button.disabled = state.rebuilding;
    status.textContent = state.rebuilding
      ? form.dataset.textRunning.replace("{done}", state.done).replace("{total}", state.total)
      : form.dataset.textDone;
    for (const index of state.indexes) {
      const row = document.querySelector(`[data-search-indexes] tr[data-culture="${CSS.escape(index.culture)}"]`);
      if (!row) continue;
      row.querySelector("[data-field=documents]").textContent = index.documents.toLocaleString("en-US");
      row.querySelector("[data-field=lastTask]").textContent = index.lastTask;
      row.querySelector("[data-field=lagTasks]").textContent = index.lagTasks.toLocaleString("en-US");
      row.querySelector("[data-field=lagSeconds]").textContent = index.lagSeconds.toFixed(1);
      if (index.lastAppliedUtc) {
        row.querySelector("[data-field=lastAppliedUtc]").textContent = index.lastAppliedUtc.replace("T", " ").slice(0, 19);
      }
    }
  };

  const poll = async () => {
    const response = await fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const state = await response.json();
    show(state);
    if (state.rebuilding) setTimeout(poll, 500);
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    box.hidden = false;
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (response.status !== 202 && response.status !== 409) {
      form.submit(); // let the server's page say what went wrong
      return;
    }
    poll();
  });

  if (button.disabled) poll(); // a rebuild was already running when the page was rendered
}
