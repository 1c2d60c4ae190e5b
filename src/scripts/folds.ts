/**
 * Folded parts of a page (<details class="fold">): a link to an element
 * inside one opens it (on arrival and on every later jump), and printing
 * opens every fold, closing again afterwards the ones the reader had closed.
 */
function openAround(id: string): void {
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  let opened = false;
  for (let fold = target.closest('details'); fold; fold = fold.parentElement?.closest('details') ?? null) {
    if (!fold.open) {
      fold.open = true;
      opened = true;
    }
  }
  if (opened) target.scrollIntoView();
}

const hashId = () => {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
};

export function initFolds(): void {
  openAround(hashId());
  window.addEventListener('hashchange', () => openAround(hashId()));
  let reopened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    reopened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
    for (const fold of reopened) fold.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const fold of reopened) fold.open = false;
    reopened = [];
  });
}
