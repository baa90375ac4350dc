/// 大屏: dark, large, readable across a room. The 1080 layout fills a 1920×1080 wall; the 2160
/// one is the same layout at twice the type and spacing for a 3840×2160 wall. Chart classes
/// are recoloured for the dark ground with contrast kept above 4.5:1.
enum ScreenStyles {
    static let css = """
    body.screen { background:#0b1526; color:#e6edf5; margin:0; overflow:hidden; }
    body.screen-1080 { font-size:16px; width:1920px; height:1080px; }
    body.screen-2160 { font-size:32px; width:3840px; height:2160px; }
    body.screen #panels { height:100%; display:flex; flex-direction:column; padding:0.9em 1.2em; gap:0.7em; }
    body.screen #panels.stale .screen-asof { color:#ffb74d; }
    .screen-head { display:flex; justify-content:space-between; align-items:baseline; }
    .screen-head h1 { margin:0; font-size:2.1em; letter-spacing:.08em; color:#f5f8fc; }
    .screen-asof { font-size:1.1em; color:#9fb3c8; }
    .screen-figures { display:grid; grid-template-columns:repeat(6,1fr); gap:0.8em; }
    .screen-figure { background:#13233d; border:1px solid #22395e; border-radius:0.4em; padding:0.5em 0.9em; }
    .screen-figure .label { color:#9fb3c8; font-size:1.05em; }
    .screen-figure .value { font-size:2.3em; font-weight:700; color:#f5f8fc; }
    .screen-figure .unit { font-size:.45em; color:#9fb3c8; margin-left:.3em; font-weight:400; }
    .screen-figure.behind .value { color:#ffb74d; }
    .screen-grid { flex:1; min-height:0; display:grid; grid-template-columns:1fr 1.7fr 1.2fr; gap:0.8em; }
    .screen-col { display:flex; flex-direction:column; gap:0.8em; min-height:0; }
    .screen-panel { background:#13233d; border:1px solid #22395e; border-radius:0.4em; padding:0.5em 0.8em; min-height:0; flex:1; overflow:hidden;
                    display:flex; flex-direction:column; }
    .screen-panel h2 { margin:0 0 .3em; font-size:1.15em; color:#cfe0f3; }
    .screen-panel > svg.chart { flex:1; min-height:0; width:100%; height:100%; max-width:none; }
    .screen-map svg.district-map { background:#0f1d33; border-color:#22395e; }
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
