/// The big screen's one script, served from our own origin (the pages allow no inline script):
/// every `data-seconds` it fetches the panels again and swaps them in, so the wall never flashes
/// a reload. A failed fetch keeps what is shown and marks it stale; the next one tries again.
enum ScreenScript {
    static let js = """
    (function () {
      var box = document.getElementById('panels');
      if (!box) { return; }
      var url = box.getAttribute('data-refresh');
      var seconds = parseInt(box.getAttribute('data-seconds'), 10) || 60;
      function refresh() {
        fetch(url, { credentials: 'same-origin', cache: 'no-store' })
          .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
          .then(function (html) { box.innerHTML = html; box.classList.remove('stale'); })
          .catch(function () { box.classList.add('stale'); });
      }
      setInterval(refresh, seconds * 1000);
    })();
    """
}
