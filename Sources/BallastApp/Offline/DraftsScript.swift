/// `/assets/drafts.js`: the phone's queue of report entries made without signal, in IndexedDB,
/// shared by the page (`OfflineScript`) and the service worker (`ServiceWorkerScript`), which
/// loads it with importScripts. An entry is keyed by the card's draftKey: the same card saved
/// twice offline keeps its latest, and is sent once.
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
      /** An entry from a report form's fields (a FormData) and where it goes. */
      function fromForm(data, url) {
        var fields = {}, photo = null;
        data.forEach(function (v, k) {
          if (typeof v === 'string') { fields[k] = v; }
          else if (v && v.size > 0) { photo = { blob: v, name: v.name || 'photo.jpg' }; }
        });
        return { key: fields.draftKey || String(Date.now()), url: url, fields: fields, photo: photo, savedAt: Date.now(), failed: 0 };
      }
      scope.BallastDrafts = {
        all: function () { return run('readonly', function (s) { return s.getAll(); }); },
        put: function (d) { return run('readwrite', function (s) { s.put(d); }); },
        remove: function (key) { return run('readwrite', function (s) { s.delete(key); }); },
        fromForm: fromForm,
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
