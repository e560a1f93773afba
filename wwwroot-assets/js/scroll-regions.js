// A table wider than its box scrolls sideways; keyboard users reach that scroll only if the box
// takes focus (WCAG 2.1.1). MudBlazor renders the box, so it is marked here whenever the page changes.
(() => {
  let queued = false;
  function mark() {
    queued = false;
    for (const box of document.querySelectorAll(".mud-table-container, .kh-scroll")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.dataset.khScroll = "on";
      } else if (!scrolls && box.dataset.khScroll === "on") {
        box.removeAttribute("tabindex");
        delete box.dataset.khScroll;
      }
    }
  }
  function queue() {
    if (!queued) {
      queued = true;
      requestAnimationFrame(mark);
    }
  }
  new MutationObserver(queue).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("resize", queue);
  document.addEventListener("DOMContentLoaded", queue);
})();
