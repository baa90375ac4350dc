/// `/assets/drafts.js`: the phone's queue of report entries made without signal, in IndexedDB,
/// shared by the page (`OfflineScript`) and the service worker (`ServiceWorkerScript`), which
/// loads it with importScripts. An entry gets a key of its own when queued (not the page's: a
/// page kept on the phone may carry keys already used online); the same card queued again
/// before it is sent keeps that key and its latest content, so it is sent, and saved, once.
enum DraftsScript {
    static let js = #"""
    (function (scope) {
      'use strict';
      var DB = 'ballast-offline', STORE = 'drafts';
      function open() {
        return new Promise(function (ok, fail) {
          if (!scope.indexedDB) { fail(new Error('no IndexedDB')); return; }
          var r = scope.indexedDB.open(DB, 1);
          r.onupgradeneeded = function () { r.result.createObjectStore(STORE, { keyPath: 'key' }); };
          r.onsuccess = function () { ok(r.result); };
          r.onerror = function () { fail(r.error); };
        });
      }
      function run(mode, work) {
        return open().then(function (db) {
          return new Promise(function (ok, fail) {
            var t = db.transaction(STORE, mode), req = work(t.objectStore(STORE));
            t.oncomplete = function () { db.close(); ok(req ? req.result : undefined); };
            t.onerror = function () { db.close(); fail(t.error); };
          });
        });
      }
      /** A new key: a UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
      function newKey() {
        if (scope.crypto && scope.crypto.randomUUID) { return scope.crypto.randomUUID(); }
        var b = new Uint8Array(16);
        scope.crypto.getRandomValues(b);
        var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
        return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
      }
      /** An entry from a report form's fields (a FormData) and where it goes. */
      function fromForm(data, url, key) {
        var fields = {}, photo = null;
        data.forEach(function (v, k) {
          if (typeof v === 'string') { fields[k] = v; }
          else if (v && v.size > 0) { photo = { blob: v, name: v.name || 'photo.jpg' }; }
        });
        fields.draftKey = key;
        return { key: key, url: url, fields: fields, photo: photo, savedAt: Date.now(), failed: 0 };
      }
      /** Queues a card's entry: the card's unsent entry, if any, is replaced under its key. */
      function queue(data, url) {
        return run('readonly', function (s) { return s.getAll(); }).then(function (list) {
          var same = list.filter(function (d) { return d.url === url && !d.failed; })[0];
          var entry = fromForm(data, url, same ? same.key : newKey());
          return run('readwrite', function (s) { s.put(entry); });
        });
      }
      scope.BallastDrafts = {
        all: function () { return run('readonly', function (s) { return s.getAll(); }); },
        put: function (d) { return run('readwrite', function (s) { s.put(d); }); },
        remove: function (key) { return run('readwrite', function (s) { s.delete(key); }); },
        queue: queue,
        /** The entry as the form it was: fields, and the photo as a file. */
        body: function (d) {
          var body = new FormData();
          Object.keys(d.fields).forEach(function (k) { body.append(k, d.fields[k]); });
          if (d.photo) { body.append('photo', d.photo.blob, d.photo.name); }
          return body;
        }
      };
    })(self);
    """#
}
