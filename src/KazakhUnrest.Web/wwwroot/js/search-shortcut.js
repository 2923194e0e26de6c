// "/" focuses the header search box, as on most sites with search, unless the reader is already typing somewhere:
// then the key is theirs. The box announces the shortcut itself (aria-keyshortcuts="/").
"use strict";

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) {
    return;
  }

  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select"))) {
    return;
  }

  const box = document.getElementById("site-search-q");
  if (!box) {
    return;
  }

  // Without this the "/" itself would be typed into the box just focused.
  event.preventDefault();
  box.focus();
  box.select();
});
