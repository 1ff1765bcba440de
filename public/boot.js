// Runs before the page is drawn. It applies the remembered theme, and hides
// the prerendered title slide when another slide or view is about to show
// (a link to it, or the place this browser left off), so it never flashes.
(function () {
  var root = document.documentElement;
  var theme = null;
  var last = null;
  try {
    theme = window.localStorage.getItem('inbound:theme');
    last = window.localStorage.getItem('inbound:last-position');
  } catch {
    // No storage: the defaults below.
  }
  if (theme === 'light' || theme === 'dark' || theme === 'contrast') root.dataset.theme = theme;
  else if (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches)
    root.dataset.theme = 'dark';
  var hash = window.location.hash;
  if (/^#?\/?$/.test(hash) && last) hash = last;
  if (/[?&]view=/.test(window.location.search) || /^#\/?(?!1(?:[/?]|$))./.test(hash))
    root.classList.add('deep-link');
})();
