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
  // Only a position the deck wrote itself (as formatHash in app/deck/hash.ts writes it) is
  // resumed; anything else in storage is ignored there too, and here the title slide stays.
  // (#/27/1, the section after the talk's #/since/3, and the live switches a link may carry.)
  var written =
    /^#\/(since\/)?[1-9]\d{0,2}(\/[1-9]\d?)?(\?(etp=(Cluster|Local)|addr=ip|sw=[a-z0-9-]{1,20}|marks=1)(&(addr=ip|sw=[a-z0-9-]{1,20}|marks=1))*)?$/;
  if (/^#?\/?$/.test(hash) && last && written.test(last)) hash = last;
  if (/[?&]view=/.test(window.location.search) || /^#\/?(?!1(?:[/?]|$))./.test(hash))
    root.classList.add('deep-link');
  if (/[?&]view=embed(&|$)/.test(location.search)) root.style.visibility = 'hidden';
})();
