import BallastCore

/// `/sw.js`, the service worker: the clerk's month (`/reports`) and the assets it needs are
/// kept on the phone, fetched fresh when there is a connection and served from the phone when
/// there is none. A report card sent while the connection is down (the phone thinking it is
/// online) is kept in the drafts queue (`DraftsScript`) and answered with a page saying so.
/// Only those pages are kept: the rest of Ballast is read where there is signal.
enum ServiceWorkerScript {
    static let version = "ballast-offline-1"

    static let js = #"""
    'use strict';
    importScripts('\#(Site.draftsScript.link)');
    var CACHE = '\#(version)';
    var KEPT = ['\#(Site.stylesheet.link)', '\#(Site.draftsScript.link)', '\#(Site.offlineScript.link)'];
    self.addEventListener('install', function (e) {
      e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(KEPT); }).then(function () { return self.skipWaiting(); }));
    });
    self.addEventListener('activate', function (e) {
      e.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
      }).then(function () { return self.clients.claim(); }));
    });
    function english(req) { return /[?&]lang=en/.test(req.referrer || req.url); }
    function page(req, zh, en) {
      var body = english(req) ? en : zh;
      return new Response('<!doctype html><html lang="' + (english(req) ? 'en' : 'zh-CN') + '"><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="\#(Site.stylesheet.link)">' +
        '<main class="content"><p class="alert">' + body + '</p><p><a href="\#(Site.reports.link)">' + (english(req) ? 'Back to the month' : '返回月报') + '</a></p></main>',
        { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    }
    self.addEventListener('fetch', function (e) {
      var req = e.request, url = new URL(req.url);
      if (url.origin !== self.location.origin) { return; }
      if (req.method === 'GET' && (url.pathname === '\#(Site.reports.link)' || KEPT.indexOf(url.pathname) >= 0)) {
        e.respondWith(fetch(req).then(function (res) {
          if (res.ok) { var copy = res.clone(); caches.open(CACHE).then(function (c) { c.put(req, copy); }); }
          return res;
        }).catch(function () {
          return caches.match(req).then(function (hit) { return hit || caches.match(req, { ignoreSearch: true }); }).then(function (hit) {
            return hit || page(req, '没有网络，本页尚未保存在本机。', 'No connection, and this page is not kept on this phone.');
          });
        }));
        return;
      }
      if (req.method === 'POST' && /^\/projects\/[^\/]+\/reports\/[^\/]+\/save$/.test(url.pathname) && !req.headers.get('X-Ballast-Queue')) {
        var copy = req.clone();
        e.respondWith(fetch(req).catch(function () {
          return copy.formData().then(function (data) { return self.BallastDrafts.queue(data, req.url); }).then(function () {
            return page(req, '没有网络：本次填报已保存在本机（待发送），恢复网络后自动发送。', 'No connection: this entry is kept on this phone (waiting to send) and is sent when the connection returns.');
          });
        }));
      }
    });
    """#
}
