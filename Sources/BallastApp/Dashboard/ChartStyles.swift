/// How BallastCharts' marks look on the light pages: colours by class (series s0–s7, warning
/// lights c-red…), text dark enough to read on white (contrast ≥ 4.5:1), every chart as wide
/// as its card and no wider. The big screen (`ScreenStyles`) recolours the same classes.
enum ChartStyles {
    static let css = """
    svg.chart { width:100%; height:auto; display:block; font-size:12px; }
    svg.chart text { fill:#1f2933; }
    svg.chart .tick, svg.chart .axis-unit, svg.chart .legend-text, svg.chart .centre-caption, svg.chart .gauge-caption { fill:#52606d; }
    svg.chart .grid { stroke:#e4e8ec; stroke-width:1; }
    svg.chart .axis { stroke:#9aa5b1; stroke-width:1; }
    svg.chart .label { font-size:12px; }
    svg.chart .value { font-size:12px; fill:#323f4b; }
    svg.chart .empty { fill:#616e7c; font-size:14px; }
    svg.chart .s0 { fill:#1e5aa8; stroke:#1e5aa8; } svg.chart .s1 { fill:#2e7d32; stroke:#2e7d32; }
    svg.chart .s2 { fill:#d9822b; stroke:#d9822b; } svg.chart .s3 { fill:#7b1fa2; stroke:#7b1fa2; }
    svg.chart .s4 { fill:#00838f; stroke:#00838f; } svg.chart .s5 { fill:#a61b1b; stroke:#a61b1b; }
    svg.chart .s6 { fill:#5d4037; stroke:#5d4037; } svg.chart .s7 { fill:#546e7a; stroke:#546e7a; }
    svg.chart .s-rest { fill:#d5dde6; stroke:#d5dde6; }
    svg.chart .s-plan { stroke:#9aa5b1; fill:#9aa5b1; } svg.chart .s-last { stroke:#d9822b; fill:#d9822b; }
    svg.chart .c-red { fill:var(--red); } svg.chart .c-yellow { fill:var(--yellow); }
    svg.chart .c-blue { fill:var(--blue); } svg.chart .c-green { fill:var(--green); } svg.chart .c-none { fill:#9aa5b1; }
    svg.chart rect.mark, svg.chart path.mark { stroke:none; }
    svg.chart polyline.series { fill:none; stroke-width:2.5; }
    svg.chart .dashed { stroke-dasharray:6 4; stroke-width:2; }
    svg.chart circle.dot { stroke:#fff; stroke-width:1; }
    svg.chart line.key-line { stroke-width:2.5; }
    svg.chart a:hover .mark, svg.chart a:focus .mark, svg.chart a:hover circle { opacity:.8; }
    svg.chart .marker, svg.chart .target { stroke:#c62828; stroke-width:2; stroke-dasharray:4 3; }
    svg.chart .marker-label, svg.chart .target-label { fill:#b71c1c; font-size:12px; }
    svg.chart .track { stroke:#e4e8ec; }
    svg.chart path.fill { stroke:#2e7d32; } svg.chart path.fill.behind { stroke:#d9822b; }
    svg.chart .gauge-figure { font-size:30px; font-weight:700; } svg.chart .gauge-figure.behind { fill:#b45309; }
    svg.chart .centre-figure { font-size:26px; font-weight:700; }
    svg.donut { max-width:420px; } svg.gauge { max-width:320px; margin:0 auto; }
    .project-curve { max-width:720px; margin:8px 0; }
    svg.funnel.chart { max-width:560px; }
    svg.district-map { background:#eef2f5; border:1px solid var(--line); border-radius:6px; }
    svg.district-map .boundary { fill:#fbfcfd; stroke:#a61b1b; stroke-width:2; }
    svg.district-map .zone { stroke:#7b8794; stroke-width:1; stroke-dasharray:5 3; fill-opacity:.35; }
    svg.district-map .z0 { fill:#c5dcf5; } svg.district-map .z1 { fill:#d4ecd5; } svg.district-map .z2 { fill:#f6e3c6; }
    svg.district-map .z3 { fill:#e6d3ef; } svg.district-map .z4 { fill:#cdeff0; } svg.district-map .z5 { fill:#f3d0d0; }
    svg.district-map .axis { fill:none; stroke:#d9822b; stroke-width:4; stroke-opacity:.7; }
    /* Zoomed in (`--k`, set by map.js), names and outlines keep their size on the screen while
       the ground grows: a closer look separates crowded dots instead of enlarging them. */
    svg.district-map .zone-name { fill:#3e4c59; font-size:calc(15px / var(--k, 1)); font-weight:600; paint-order:stroke; stroke:#fff; stroke-width:calc(3px / var(--k, 1)); }
    svg.district-map .axis-name { fill:#8a4b08; font-size:calc(12px / var(--k, 1)); paint-order:stroke; stroke:#fff; stroke-width:calc(3px / var(--k, 1)); }
    svg.district-map circle.dot, svg.district-map path { vector-effect:non-scaling-stroke; }
    svg.district-map circle.dot { stroke:#fff; stroke-width:1; fill-opacity:.85; }
    svg.district-map circle.dot.outside { stroke:#111; stroke-width:2; stroke-dasharray:2 2; }
    svg.district-map circle.dot.selected { stroke:#111; stroke-width:3; fill-opacity:1; }
    svg.district-map path.route-line { fill:none; stroke:#1d4ed8; stroke-width:2.5; stroke-dasharray:6 4; }
    svg.district-map circle.route-stop { fill:#1d4ed8; stroke:#fff; stroke-width:1.5; }
    svg.district-map text.route-number { fill:#fff; font-size:11px; font-weight:700; }
    .dash-head { display:flex; flex-wrap:wrap; align-items:baseline; gap:4px 16px; }
    .dash-head h1 { margin:8px 0; }
    .dash-controls { display:flex; flex-wrap:wrap; gap:8px 12px; align-items:flex-end; margin:4px 0 14px; width:100%; }
    .dash-controls label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); gap:2px; }
    .dash-controls input[type=number] { width:90px; }
    a.button.secondary { display:inline-block; padding:6px 12px; border:1px solid var(--line); border-radius:4px; background:#fff; color:var(--ink); text-decoration:none; }
    .dash-figures { grid-template-columns:repeat(auto-fit,minmax(170px,1fr)); }
    .figure .value .unit { font-size:14px; font-weight:400; color:var(--muted); }
    .figure.behind { border-left-color:#d9822b; } .figure.behind .value { color:#b45309; }
    .figures.small .figure .value { font-size:22px; }
    .dash-grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(380px,1fr)); gap:16px; margin-bottom:16px; }
    .dash-card { margin-bottom:16px; min-width:0; } .dash-grid .dash-card { margin-bottom:0; }
    .dash-card h2 { font-size:16px; margin:0 0 8px; }
    .rank-pair { display:grid; grid-template-columns:1fr 1fr; gap:12px; }
    .rank-pair h3 { font-size:13px; margin:4px 0; color:var(--muted); }
    table.compact td { padding:3px 6px; }
    .empty-state { text-align:center; padding:40px 20px; }
    .chip { display:inline-block; margin-left:8px; padding:1px 8px; border-radius:10px; background:#e3ecf7; color:#1b4f8a; font-size:12px; }
    .map-layout { display:grid; grid-template-columns:minmax(0,3fr) minmax(260px,1fr); gap:16px; align-items:start; }
    .map-frame { min-width:0; position:relative; }
    .map-zoom { position:absolute; top:8px; right:8px; display:flex; gap:4px; z-index:1; }
    .map-zoom button { padding:2px 10px; min-height:32px; background:#fff; }
    svg.district-map.zoomed { cursor:grab; touch-action:none; }
    .map-side .card { margin-bottom:12px; }
    .map-side ul { padding-left:18px; margin:6px 0; max-height:260px; overflow:auto; font-size:13px; }
    .project-card dl { display:grid; grid-template-columns:auto 1fr; gap:2px 10px; margin:0 0 8px; }
    .project-card dt { color:var(--muted); } .project-card dd { margin:0; }
    .project-card h2 { font-size:16px; margin:0 0 8px; overflow-wrap:anywhere; }
    .map-legend { display:flex; flex-wrap:wrap; gap:6px 14px; margin:8px 0; font-size:13px; align-items:center; }
    .swatch { display:inline-block; width:12px; height:12px; border-radius:50%; margin-right:4px; vertical-align:-1px; }
    .swatch.c-red { background:var(--red); } .swatch.c-yellow { background:var(--yellow); }
    .swatch.c-blue { background:var(--blue); } .swatch.c-green { background:var(--green); }
    .swatch.outside { border:2px dashed #111; }
    /* A chart is drawn twice where it is wide: for a desktop card and for a phone's (`DashboardPage.sized`). */
    .for-phone { display:none; }
    @media (max-width: 600px) { .for-wide { display:none; } .for-phone { display:block; } }
    @media (max-width: 900px) {
      .map-layout { grid-template-columns:1fr; }
      .dash-grid { grid-template-columns:1fr; }
      .rank-pair { grid-template-columns:1fr; }
    }
    """
}
