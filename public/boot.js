// Runs before the page is drawn: a link to any slide but the first hides the
// prerendered title slide, so it never flashes before the linked slide.
if (/^#\/?(?!1(?:[/?]|$))./.test(window.location.hash))
  document.documentElement.classList.add('deep-link');
