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

  // The served app opened straight from a disk (dist/index.html over file://): browsers do
  // not load its module scripts from there, so the deck would sit dead on its title slide.
  // Those scripts run before DOMContentLoaded when they run at all (app/main.tsx marks the
  // page), so a page still unmarked then says so, and points at the single file built
  // beside it for that (inbound.html, whose scripts are inline and always run).
  if (window.location.protocol === 'file:') {
    document.addEventListener('DOMContentLoaded', function () {
      if (root.dataset.app === 'running') return;
      if (!document.querySelector('script[type="module"][src]')) return;
      var box = document.createElement('div');
      box.setAttribute('role', 'alert');
      box.className = 'file-notice';
      box.style.cssText =
        'position:fixed;inset:0 0 auto 0;z-index:100;padding:16px 24px;font:18px/1.5 system-ui,sans-serif;background:#7f1d1d;color:#fff';
      var words = document.createElement('p');
      words.style.margin = '0';
      words.textContent =
        'This page needs a web server: browsers do not run its scripts when it is opened from a disk. ' +
        'To give the talk from a disk or a USB stick, open inbound.html from the same folder (it works with no server and no network), ' +
        'or serve this folder (npm start).';
      var link = document.createElement('a');
      link.href = './inbound.html' + window.location.hash;
      link.textContent = 'Open inbound.html';
      link.style.cssText = 'color:#fff;font-weight:700;margin-left:8px';
      words.appendChild(link);
      box.appendChild(words);
      document.body.appendChild(box);
    });
  }
})();
