/// The district map's zoom and pan, served from our own origin (the pages allow no inline
/// script). It adds 放大 / 缩小 / 复位 buttons to each `.map-frame[data-zoom]`, drags the map to
/// pan, and zooms with Ctrl+wheel or a double click, by moving the drawing's viewBox; the
/// buttons' words come from the frame's data attributes, in the page's language. Without script
/// the map is the same drawing, every dot still a link: nothing depends on this.
enum MapScript {
    static let js = """
    (function () {
      var frames = document.querySelectorAll('.map-frame[data-zoom]');
      for (var i = 0; i < frames.length; i++) { setUp(frames[i]); }
      function setUp(frame) {
        var svg = frame.querySelector('svg.district-map');
        if (!svg || !svg.viewBox || !svg.viewBox.baseVal) { return; }
        var base = svg.viewBox.baseVal, W = base.width, H = base.height;
        var view = { x: base.x, y: base.y, w: W, h: H };
        var maxZoom = 8;
        // Each dot's drawn radius, to keep its size on the screen at any zoom.
        var dots = svg.querySelectorAll('circle.dot');
        var radii = [];
        for (var d = 0; d < dots.length; d++) { radii.push(parseFloat(dots[d].getAttribute('r')) || 3); }
        function apply() {
          view.w = Math.min(W, Math.max(W / maxZoom, view.w));
          view.h = view.w * H / W;
          view.x = Math.min(Math.max(view.x, 0), W - view.w);
          view.y = Math.min(Math.max(view.y, 0), H - view.h);
          svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
          svg.classList.toggle('zoomed', view.w < W);
          var k = W / view.w;
          frame.setAttribute('data-zoom-level', k.toFixed(2));
          svg.style.setProperty('--k', String(k));
          for (var d = 0; d < dots.length; d++) { dots[d].setAttribute('r', String(radii[d] / k)); }
        }
        function zoom(factor, cx, cy) {
          if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
          var w = Math.min(W, Math.max(W / maxZoom, view.w / factor));
          var k = w / view.w;
          view.x = cx - (cx - view.x) * k; view.y = cy - (cy - view.y) * k; view.w = w;
          apply();
        }
        function point(ev) {
          var r = svg.getBoundingClientRect();
          return { x: view.x + (ev.clientX - r.left) / r.width * view.w, y: view.y + (ev.clientY - r.top) / r.height * view.h };
        }
        var bar = document.createElement('div');
        bar.className = 'map-zoom';
        [['in', 1.6], ['out', 1 / 1.6], ['reset', 0]].forEach(function (b) {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'secondary map-zoom-' + b[0];
          button.textContent = frame.getAttribute('data-zoom-' + b[0]) || b[0];
          button.addEventListener('click', function () {
            if (b[1] === 0) { view = { x: 0, y: 0, w: W, h: H }; apply(); } else { zoom(b[1]); }
          });
          bar.appendChild(button);
        });
        frame.insertBefore(bar, frame.firstChild);
        svg.addEventListener('wheel', function (ev) {
          if (!ev.ctrlKey && !ev.metaKey) { return; }
          ev.preventDefault();
          var p = point(ev);
          zoom(ev.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
        }, { passive: false });
        svg.addEventListener('dblclick', function (ev) { var p = point(ev); zoom(1.6, p.x, p.y); ev.preventDefault(); });
        // Dragging pans; a drag that moved is not a click on the dot it ended on.
        var drag = null, moved = false;
        svg.addEventListener('pointerdown', function (ev) {
          if (view.w >= W) { return; }
          drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y }; moved = false;
        });
        window.addEventListener('pointermove', function (ev) {
          if (!drag) { return; }
          var r = svg.getBoundingClientRect();
          var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
          if (Math.abs(dx) + Math.abs(dy) > 4) { moved = true; }
          view.x = drag.vx - dx / r.width * view.w; view.y = drag.vy - dy / r.height * view.h;
          apply();
        });
        window.addEventListener('pointerup', function () { drag = null; });
        svg.addEventListener('click', function (ev) { if (moved) { ev.preventDefault(); ev.stopPropagation(); moved = false; } }, true);
      }
    })();
    """
}
