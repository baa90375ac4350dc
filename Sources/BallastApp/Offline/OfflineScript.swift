import BallastCore

/// `/assets/offline.js`, on the clerk's month: registers the service worker (the page kept on
/// the phone), queues a card's entry when the phone has no connection, shows 待发送 N, and
/// sends the queue when the connection returns — on the `online` event, on every load and every
/// 15 seconds — each entry once: a 2xx answer removes it; a refusal (a stale version, a session
/// gone) keeps it, marked, for the clerk to redo; no answer keeps it to try again. The server
/// saves a draftKey once (`RequestKeys`), so a second arrival changes nothing.
enum OfflineScript {
    static let js = #"""
    (function () {
      'use strict';
      if ('serviceWorker' in navigator) { navigator.serviceWorker.register('\#(Site.serviceWorker.link)').catch(function () {}); }
      // A photo over the limit is refused on the phone, before anything is sent: the browser
      // keeps the card from submitting and says why at the field (the server's 413 would
      // replace the page, and what was typed with it).
      document.addEventListener('change', function (e) {
        var input = e.target;
        if (!input || input.type !== 'file' || !input.hasAttribute('data-max-bytes')) { return; }
        var max = Number(input.getAttribute('data-max-bytes')), file = input.files && input.files[0];
        if (file && file.size > max) {
          input.setCustomValidity(input.getAttribute('data-too-large').replace('{mb}', (file.size / 1048576).toFixed(1)));
          input.reportValidity();
        } else {
          input.setCustomValidity('');
        }
      });
      var drafts = window.BallastDrafts, bar = document.getElementById('pending');
      if (!drafts) { return; }
      function show() {
        if (!bar) { return; }
        drafts.all().then(function (list) {
          var waiting = list.filter(function (d) { return !d.failed; }).length, failed = list.length - waiting;
          var parts = [];
          if (waiting) { parts.push(bar.getAttribute('data-waiting').replace('{n}', waiting)); }
          if (failed) { parts.push(bar.getAttribute('data-failed').replace('{n}', failed)); }
          bar.textContent = parts.join(' ');
          bar.hidden = parts.length === 0;
          bar.setAttribute('data-count', String(waiting));
        }, function () {});
      }
      document.addEventListener('submit', function (e) {
        var form = e.target;
        if (navigator.onLine || !form.classList || !form.classList.contains('report-form')) { return; }
        e.preventDefault();
        var data = new FormData(form);
        if (e.submitter && e.submitter.name) { data.set(e.submitter.name, e.submitter.value); }
        // getAttribute: the form has fields named "action", which form.action would return.
        drafts.queue(data, new URL(form.getAttribute('action'), location.href).href).then(function () {
          form.classList.add('queued');
          // Said at the card too: the bar is at the top of a long page.
          var note = form.querySelector('.queued-note') || document.createElement('p');
          note.className = 'alert pending queued-note';
          note.setAttribute('role', 'status');
          note.textContent = bar ? bar.getAttribute('data-queued') : '';
          form.insertBefore(note, form.querySelector('.toolbar'));
          show();
        });
      });
      var sending = false;
      function send() {
        if (sending || !navigator.onLine) { return; }
        sending = true;
        drafts.all().then(function (list) {
          return list.filter(function (d) { return !d.failed; }).reduce(function (chain, d) {
            return chain.then(function () {
              // A save answers with the month's page; a redirect means it was not saved (the
              // session is gone: sign-in), so it is not followed and counts as refused.
              return fetch(d.url, { method: 'POST', body: drafts.body(d), credentials: 'same-origin', redirect: 'manual', headers: { 'X-Ballast-Queue': '1' } })
                .then(function (res) {
                  if (res.ok && res.type !== 'opaqueredirect') { return drafts.remove(d.key); }
                  d.failed = res.status || 401;
                  return drafts.put(d);
                }, function () { /* still no connection: kept for the next try */ });
            });
          }, Promise.resolve());
        }).then(function () { sending = false; show(); }, function () { sending = false; });
      }
      window.addEventListener('online', send);
      window.addEventListener('offline', show);
      setInterval(send, 15000);
      show();
      send();
    })();
    """#
}
