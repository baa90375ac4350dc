/// 大屏: dark, large, readable across a room. The 1080 layout fills a 1920×1080 wall; the 2160
/// one is the same layout at twice the type and spacing for a 3840×2160 wall. Chart classes
/// are recoloured for the dark ground with contrast kept above 4.5:1.
enum ScreenStyles {
    static let css = """
    body.screen { background:#0b1526; color:#e6edf5; margin:0; overflow:hidden; }
    /* 24 px is the smallest type on a 1920×1080 wall read from across a room; 2160 doubles it. */
    body.screen-1080 { font-size:24px; width:1920px; height:1080px; }
    body.screen-2160 { font-size:48px; width:3840px; height:2160px; }
    /* #panels is the page's main landmark: none of the pages' main styles (a width cap, padding) apply. */
    body.screen main#panels { height:100%; width:100%; max-width:none; margin:0; display:flex; flex-direction:column; padding:0.6em 0.8em;
                              gap:0.5em; box-sizing:border-box; }
    body.screen #panels.stale .screen-asof { color:#ffb74d; }
    .screen-head { display:flex; justify-content:space-between; align-items:baseline; }
    .screen-head h1 { margin:0; font-size:1.75em; letter-spacing:.08em; color:#f5f8fc; }
    .screen-asof { font-size:1em; color:#9fb3c8; }
    .screen-figures { display:grid; grid-template-columns:repeat(6,1fr); gap:0.5em; }
    .screen-figure, .screen-panel { background:linear-gradient(180deg,#142a4a,#10213b); border:1px solid #2a4a78; border-radius:0.25em;
                                    box-shadow:inset 0 0 0.6em rgba(79,157,255,.18); position:relative; }
    .screen-figure { padding:0.25em 0.6em; }
    .screen-figure .label { color:#9fb3c8; font-size:1em; }
    .screen-figure .value { font-size:2em; font-weight:700; color:#f5f8fc; line-height:1.2; }
    .screen-figure .unit { font-size:.5em; color:#9fb3c8; margin-left:.3em; font-weight:400; }
    .screen-figure.behind .value { color:#ffb74d; }
    .screen-grid { flex:1; min-height:0; display:grid; grid-template-columns:1fr 1.35fr 1fr; gap:0.5em; }
    .screen-col { display:flex; flex-direction:column; gap:0.5em; min-height:0; }
    .screen-panel { padding:0.35em 0.6em; min-height:0; flex:1; overflow:hidden; display:flex; flex-direction:column; }
    /* The command-centre frame: a bright corner at each panel's top left. */
    .screen-panel::before { content:""; position:absolute; left:-1px; top:-1px; width:1.2em; height:1.2em;
                            border-left:3px solid #4f9dff; border-top:3px solid #4f9dff; }
    .screen-panel h2 { margin:0 0 .25em; font-size:1.1em; color:#cfe0f3; letter-spacing:.05em; }
    .screen-panel > svg.chart { flex:1; min-height:0; width:100%; height:100%; max-width:none; }
    .screen-map svg.district-map { background:#0f1d33; border-color:#22395e; flex:1; min-height:0; width:100%; height:100%; }
    .screen-lights-panel { flex:0 0 auto; }
    ul.screen-lights { list-style:none; margin:0; padding:0; display:grid; grid-template-columns:1fr 1fr; gap:0.3em 0.8em; }
    ul.screen-lights li { display:flex; align-items:center; gap:0.3em; }
    ul.screen-lights .light, .screen-roll .light { width:0.7em; height:0.7em; margin:0; flex:0 0 auto; }
    ul.screen-lights .count { margin-left:auto; font-size:1.6em; font-weight:700; }
    ul.screen-lights .c-red .count { color:#ff6b6b; } ul.screen-lights .c-yellow .count { color:#ffd54f; }
    ul.screen-lights .c-blue .count { color:#7cb8ff; } ul.screen-lights .c-green .count { color:#6ee28a; }
    .screen-lit { flex:1; }
    .screen-roll { flex:1; min-height:0; overflow:hidden; }
    .screen-roll ul { list-style:none; margin:0; padding:0; }
    .screen-roll li { display:grid; grid-template-columns:auto 1fr; column-gap:0.4em; align-items:center; padding:0.2em 0;
                      border-bottom:1px solid #22395e; }
    .screen-roll .name { white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
    .screen-roll .why { grid-column:2; color:#9fb3c8; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
    /* The list moves up by its first copy's height, then starts again: a second per row. */
    .screen-roll ul.rolling { animation:screen-roll 60s linear infinite; }
    @keyframes screen-roll { from { transform:translateY(0); } to { transform:translateY(-50%); } }
    @media (prefers-reduced-motion: reduce) { .screen-roll ul.rolling { animation:none; } }
    .screen-none { color:#9fb3c8; }
    .screen-changes { flex:0 0 auto; }
    ul.screen-changes-list { list-style:none; margin:0; padding:0; }
    ul.screen-changes-list li { display:flex; align-items:baseline; padding:0.1em 0; border-bottom:1px solid #22395e; }
    ul.screen-changes-list .count { margin-left:auto; font-size:1.3em; font-weight:700; }
    ul.screen-changes-list .unit { color:#9fb3c8; margin-left:.3em; }
    ul.screen-changes-list .c-red .count { color:#ff6b6b; } ul.screen-changes-list .c-green .count { color:#6ee28a; }
    /* The map's names at 24 px or more on the wall: the map is drawn 700×760 units into a panel
       of about 750×780 px. The axes run too close together for their names at that size: the
       wall names the zones, the dashboard's map names the axes too. */
    body.screen svg.district-map .zone-name { font-size:calc(26px / var(--k, 1)); }
    body.screen svg.district-map .axis-name { display:none; }
    body.screen svg.chart text, body.screen svg.chart .value, body.screen svg.chart .label { fill:#e6edf5; }
    body.screen svg.chart .tick, body.screen svg.chart .legend-text, body.screen svg.chart .axis-unit,
    body.screen svg.chart .centre-caption, body.screen svg.chart .gauge-caption { fill:#9fb3c8; }
    body.screen svg.chart .grid { stroke:#22395e; } body.screen svg.chart .axis { stroke:#4a6486; }
    body.screen svg.chart .s0 { fill:#4f9dff; stroke:#4f9dff; } body.screen svg.chart .s1 { fill:#5bd67a; stroke:#5bd67a; }
    body.screen svg.chart .s2 { fill:#ffb74d; stroke:#ffb74d; } body.screen svg.chart .s3 { fill:#c792ea; stroke:#c792ea; }
    body.screen svg.chart .s-rest { fill:#2a4166; stroke:#2a4166; }
    /* A series' line is a line: the colour classes above must not fill it into a wedge. */
    body.screen svg.chart polyline.series { fill:none; }
    body.screen svg.chart .s-plan { stroke:#8aa0b8; } body.screen svg.chart .s-last { stroke:#ffb74d; }
    body.screen svg.chart .c-red { fill:#ff5252; } body.screen svg.chart .c-yellow { fill:#ffd54f; }
    body.screen svg.chart .c-blue { fill:#4f9dff; } body.screen svg.chart .c-green { fill:#5bd67a; }
    body.screen svg.chart .track { stroke:#22395e; }
    body.screen svg.district-map .boundary { fill:#132640; stroke:#ff6b6b; }
    body.screen svg.district-map .zone { fill-opacity:.12; stroke:#6b84a3; }
    body.screen svg.district-map .zone-name { fill:#cfe0f3; stroke:#0f1d33; }
    body.screen svg.district-map .axis-name { fill:#ffcc80; stroke:#0f1d33; }
    body.screen svg.district-map circle.dot { stroke:#0b1526; }
    body.screen a { color:inherit; }
    """
}
