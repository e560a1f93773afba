// Keeps every #kh-connection indicator in step with Blazor's reconnect state.
(() => {
  const states = { show: "reconnecting", retrying: "reconnecting", hide: "online", failed: "offline", rejected: "offline", paused: "offline" };
  function set(state) {
    const el = document.getElementById("kh-connection");
    if (!el) return;
    el.classList.remove("online", "reconnecting", "offline");
    el.classList.add(state);
    el.querySelector(".kh-connection-text").textContent = el.dataset[state] || state;
  }
  document.addEventListener("DOMContentLoaded", () => {
    const modal = document.getElementById("components-reconnect-modal");
    if (modal) {
      modal.addEventListener("components-reconnect-state-changed", e => set(states[e.detail.state] || "reconnecting"));
    }
  });
})();

// Print buttons (data-print): an event listener, not an inline handler, which the CSP forbids.
document.addEventListener("click", e => {
  if (e.target instanceof Element && e.target.closest("[data-print]")) window.print();
});
