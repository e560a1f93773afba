// Moves the focus around the availability grid in the browser, at once: were it done on the
// server, a Space pressed straight after an arrow key could reach the cell before the focus moved.
// Space and Enter toggle on the server (the page does not scroll under them either).
const moves = {
  ArrowUp: (r, c) => [r - 1, c],
  ArrowDown: (r, c) => [r + 1, c],
  ArrowLeft: (r, c) => [r, c - 1],
  ArrowRight: (r, c) => [r, c + 1],
  Home: (r, c, e, rows, cols) => e.ctrlKey ? [0, 0] : [r, 0],
  End: (r, c, e, rows, cols) => e.ctrlKey ? [rows - 1, cols - 1] : [r, cols - 1],
  PageUp: (r, c) => [0, c],
  PageDown: (r, c, e, rows) => [rows - 1, c],
};

export function enableGridKeys(grid) {
  if (!grid) {
    return;
  }
  grid.addEventListener("keydown", e => {
    const cell = e.target instanceof Element ? e.target.closest("[role=gridcell]") : null;
    if (!cell) {
      return;
    }
    if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      return;
    }
    const move = moves[e.key];
    if (!move) {
      return;
    }
    e.preventDefault();
    const rows = Number(grid.dataset.rows), cols = Number(grid.dataset.cols);
    let [r, c] = move(Number(cell.dataset.row), Number(cell.dataset.col), e, rows, cols);
    r = Math.min(Math.max(r, 0), rows - 1);
    c = Math.min(Math.max(c, 0), cols - 1);
    const target = grid.querySelector(`[role=gridcell][data-row="${r}"][data-col="${c}"]`);
    if (target && target !== cell) {
      cell.tabIndex = -1;
      target.tabIndex = 0;
      target.focus();
    }
  });
  // Tells tests (and anyone curious) that the keys are handled in the browser from now on.
  grid.dataset.keys = "browser";
}
