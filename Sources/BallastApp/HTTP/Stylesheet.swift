/// The whole stylesheet, served by the binary itself: no CDN, no external fonts, so the
/// pages work on a government network with no internet.
package enum Stylesheet {
    package static let css = core + ChartStyles.css + ScreenStyles.css

    static let core = """
    :root { --ink:#1f2933; --muted:#616e7c; --line:#d9dee4; --bg:#f4f6f8; --brand:#a61b1b; --accent:#1b4f8a;
            --red:#c62828; --yellow:#d89b00; --blue:#1e63b6; --green:#2e7d32; }
    * { box-sizing: border-box; }
    body { margin:0; font-family: "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
           color:var(--ink); background:var(--bg); font-size:14px; line-height:1.5; }
    header.top { display:flex; flex-wrap:wrap; align-items:center; gap:0 20px; background:var(--brand); color:#fff; padding:0 20px; min-height:52px; }
    header.top .brand { font-weight:700; font-size:17px; letter-spacing:1px; white-space:nowrap; }
    header.top nav { display:flex; flex-wrap:wrap; gap:2px; flex:1; }
    header.top nav a { color:#f8e1e1; text-decoration:none; padding:15px 9px; white-space:nowrap; }
    header.top nav a.active, header.top nav a:hover { color:#fff; background:rgba(255,255,255,.14); }
    header.top .lang a { color:#fff; }
    .menu-toggle { position:absolute; opacity:0; width:1px; height:1px; pointer-events:none; }
    .menu-button { display:none; }
    header.top .user { display:flex; gap:8px; align-items:center; white-space:nowrap; font-size:13px; }
    header.top .user a { color:#fff; font-weight:600; }
    header.top .user .roles { color:#f8e1e1; }
    header.top .user form { margin:0; }
    /* A button that reads as a link: in the content, the links' colour; in the red header (退出), white on red. */
    button.link { background:none; border:none; color:var(--accent); text-decoration:underline; padding:0; min-height:0; font-size:inherit; cursor:pointer; }
    header.top button.link { border:1px solid rgba(255,255,255,.5); color:#fff; text-decoration:none; padding:2px 8px; font-size:12px; }
    form.inline { display:flex; gap:6px; flex-wrap:wrap; align-items:center; margin:0; }
    form.inline input.amount { width:90px; }
    form.row-actions { display:flex; gap:4px; margin:0; }
    input.seq { width:4em; min-width:0; }
    .pools { display:grid; grid-template-columns:repeat(auto-fit, minmax(230px, 1fr)); gap:12px; margin-bottom:14px; }
    .pool .value { font-size:28px; font-weight:600; }
    .pool ul.pool-projects { padding-left:18px; margin:8px 0 0; font-size:13px; }
    svg.funnel { width:100%; max-width:640px; display:block; margin:0 auto; }
    svg.funnel rect.pool-0 { fill:#90a4ae; } svg.funnel rect.pool-1 { fill:#5c8fcf; }
    svg.funnel rect.pool-2 { fill:#1e5aa8; } svg.funnel rect.pool-3 { fill:#0d3b75; }
    svg.funnel a:hover rect { opacity:.85; }
    svg.funnel .funnel-label { fill:#fff; font-size:15px; font-weight:600; paint-order:stroke; stroke:rgba(0,0,0,.25); stroke-width:2px; }
    svg.funnel .funnel-label.outside { fill:#1f2933; stroke:none; }
    .bar { height:8px; background:#eceff1; border-radius:4px; margin:6px 0; overflow:hidden; }
    .bar .fill { height:100%; background:#1e5aa8; }
    .bar .fill.w0 { width:0%; }
    .bar .fill.w5 { width:5%; }
    .bar .fill.w10 { width:10%; }
    .bar .fill.w15 { width:15%; }
    .bar .fill.w20 { width:20%; }
    .bar .fill.w25 { width:25%; }
    .bar .fill.w30 { width:30%; }
    .bar .fill.w35 { width:35%; }
    .bar .fill.w40 { width:40%; }
    .bar .fill.w45 { width:45%; }
    .bar .fill.w50 { width:50%; }
    .bar .fill.w55 { width:55%; }
    .bar .fill.w60 { width:60%; }
    .bar .fill.w65 { width:65%; }
    .bar .fill.w70 { width:70%; }
    .bar .fill.w75 { width:75%; }
    .bar .fill.w80 { width:80%; }
    .bar .fill.w85 { width:85%; }
    .bar .fill.w90 { width:90%; }
    .bar .fill.w95 { width:95%; }
    .bar .fill.w100 { width:100%; }
    tr.late td { background:#fff5f5; }
    .thumbs { display:flex; flex-wrap:wrap; gap:8px; margin:6px 0; }
    .thumb img { width:160px; height:120px; object-fit:cover; border-radius:4px; border:1px solid #ddd; display:block; }
    .thumb { width:160px; } .thumb > a { position:relative; display:block; }
    .stamp { position:absolute; left:1px; right:1px; bottom:1px; padding:2px 4px; background:rgba(0,0,0,.62); color:#fff; font-size:11px;
             line-height:1.35; border-radius:0 0 4px 4px; border-left:4px solid #2e7d32; }
    .stamp-line { display:block; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
    .stamp:not(.verdict-on-site) { border-left-color:#c62828; }
    .tag.verdict-on-site { background:#e8f5e9; color:#1b5e20; } .tag[class*="verdict-"]:not(.verdict-on-site) { background:#ffebee; color:#b71c1c; }
    .tag.verdict-no-site { background:#fff8e1; color:#6d4c00; } .thumb .tag { white-space:normal; }
    .thumb form { margin:2px 0 0; }
    .tag.status-approved { background:#e8f5e9; } .tag.status-submitted { background:#e3f2fd; }
    .tag.status-returned, .tag.late { background:#ffebee; } .tag.status-missing { background:#fff8e1; }
    .light { display:inline-block; width:12px; height:12px; border-radius:50%; vertical-align:middle; margin-right:4px; }
    .light.red { background:var(--red); } .light.yellow { background:var(--yellow); }
    .light.blue { background:var(--blue); } .light.green { background:var(--green); }
    h2 .unit { font-size:12px; font-weight:normal; color:var(--muted); margin-left:8px; }
    ul.lights-row { list-style:none; display:flex; flex-wrap:wrap; gap:8px 24px; padding:0; margin:8px 0 16px; font-size:16px; }
    .doc-chart { max-width:720px; margin:8px 0 14px; } .doc-chart .chart-title { font-weight:600; margin:0 0 4px; }
    .warning { margin:6px 0 10px; }
    a.figure { text-decoration:none; color:inherit; }
    a.figure.light-red { border-left-color:var(--red); } a.figure.light-yellow { border-left-color:var(--yellow); }
    a.figure.light-blue { border-left-color:var(--blue); } a.figure.light-green { border-left-color:var(--green); }
    label.check { display:inline-flex; flex-direction:row; align-items:center; gap:3px; color:var(--ink); font-size:13px; margin-right:6px; }
    .signin { max-width:380px; margin:60px auto; }
    .signin .field { margin-bottom:12px; }
    .signin button { width:100%; padding:8px; }
    .secret { font-family:monospace; font-size:15px; background:#fff8e1; padding:8px 10px; border:1px dashed var(--yellow); word-break:break-all; }
    main { padding:20px; max-width:1400px; margin:0 auto; }
    h1 { font-size:20px; margin:0 0 14px; }
    h2 { font-size:16px; margin:22px 0 10px; }
    a { color:var(--accent); }
    .card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:16px; margin-bottom:16px; }
    .card { overflow-x:auto; }
    .card > h2:first-child { margin-top:0; }
    .figures { display:grid; grid-template-columns:repeat(auto-fit,minmax(180px,1fr)); gap:12px; margin-bottom:16px; }
    .figure { background:#fff; border:1px solid var(--line); border-left:4px solid var(--brand); border-radius:6px; padding:12px 14px; }
    .figure .label { color:var(--muted); font-size:13px; }
    .figure .value { font-size:26px; font-weight:700; }
    .grid2 { display:grid; grid-template-columns:1fr 1fr; gap:16px; }
    @media (max-width: 900px) {
      .grid2 { grid-template-columns:1fr; }
      header.top { flex-wrap:wrap; height:auto; gap:0 16px; padding:6px 12px; }
      /* The sections fold into a menu: one line of the phone says where you are and opens the
         rest, which drop down as a grid of buttons; the page never scrolls sideways. */
      .menu-button { display:inline-flex; align-items:center; gap:6px; order:2; padding:8px 12px; margin:4px 0;
                     border:1px solid rgba(255,255,255,.5); border-radius:4px; cursor:pointer; font-size:15px; }
      .menu-toggle:focus-visible + .menu-button { outline:2px solid #fff; }
      header.top nav { display:none; order:3; flex-basis:100%; }
      .menu-toggle:checked ~ nav { display:block; padding:6px 0 10px; }
      /* Three buttons a row under each group's name (inline blocks: the in-app browsers of
         企业微信 and 钉钉 lay a details element's content out as blocks only). */
      header.top nav details { display:block; margin-top:8px; }
      header.top nav details summary { display:block; font-size:12px; color:#f8e1e1; list-style:none; }
      header.top nav a { display:inline-block; width:calc(33.33% - 4px); margin:4px 4px 0 0; padding:10px 6px; text-align:center;
                         background:rgba(255,255,255,.08); border-radius:4px; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
      header.top nav a svg.icon { display:none; }
      header.top .user { white-space:normal; flex-wrap:wrap; }
      header.top .user .roles { display:none; }
      main { padding:12px; }
      /* Wide tables scroll sideways inside their frame instead of squeezing words into columns:
         each column as wide as its content up to a readable measure, the first column (the code
         or name a row is known by) kept in view while the rest scroll. */
      .table-wrap table { min-width:760px; width:max-content; }
      .table-wrap td { max-width:18em; }
      .table-wrap th:first-child, .table-wrap td:first-child { position:sticky; left:0; z-index:1; background:#fff; box-shadow:1px 0 0 var(--line); }
      .table-wrap th:first-child { background:#eef1f4; }
      /* A leader's own projects read as cards on a phone: name and light, unit and completion, why. */
      .table-wrap table.own { min-width:0; width:100%; }
      .table-wrap table.narrow { min-width:0; width:100%; }
      table.own thead { display:none; }
      table.own tr { display:grid; grid-template-columns:1fr auto; gap:2px 10px; padding:8px 10px; border-bottom:1px solid var(--line); }
      table.own td { border:0; padding:0; max-width:none; position:static; box-shadow:none; }
      table.own td:nth-child(1) { grid-column:1; grid-row:1; font-weight:600; }
      table.own td:nth-child(4) { grid-column:2; grid-row:1; }
      table.own td:nth-child(2) { grid-column:1; grid-row:2; color:var(--muted); }
      table.own td:nth-child(3) { grid-column:2; grid-row:2; }
      table.own td:nth-child(5) { grid-column:1 / 3; grid-row:3; color:var(--muted); font-size:13px; }
      /* 我联系的项目 on a phone: name and completion, the light and why, then what waits, labelled. */
      .table-wrap table.desk { min-width:0; width:100%; }
      table.desk thead { display:none; }
      table.desk tr { display:grid; grid-template-columns:1fr auto; gap:2px 10px; padding:8px 10px; border-bottom:1px solid var(--line); }
      table.desk td { border:0; padding:0; max-width:none; position:static; box-shadow:none; text-align:left; }
      table.desk td:nth-child(1) { grid-column:1; grid-row:1; font-weight:600; }
      table.desk td:nth-child(3) { grid-column:2; grid-row:1; text-align:right; }
      table.desk td:nth-child(2) { grid-column:1 / 3; grid-row:2; font-size:13px; }
      table.desk td:nth-child(4) { grid-column:1; grid-row:3; font-size:13px; }
      table.desk td:nth-child(5) { grid-column:2; grid-row:3; font-size:13px; }
      table.desk .phone-label, table.instr .phone-label { display:inline; color:var(--muted); }
      /* 批示 on a phone: the words and where it stands, then on what, to whom, by when (and who gave it). */
      .table-wrap table.instr { min-width:0; width:100%; }
      table.instr thead { display:none; }
      table.instr tr { display:grid; grid-template-columns:1fr auto; gap:2px 10px; padding:8px 10px; border-bottom:1px solid var(--line); }
      table.instr td { border:0; padding:0; max-width:none; position:static; box-shadow:none; font-size:13px; }
      table.instr td:first-child { grid-column:1; grid-row:1; font-size:15px; }
      table.instr td:last-child { grid-column:2; grid-row:1; }
      table.instr td:nth-last-child(2) { grid-column:2; grid-row:2; }
      table.instr td:nth-last-child(3) { grid-column:1; grid-row:2; color:var(--muted); }
      table.instr td:nth-last-child(4) { grid-column:1 / 3; grid-row:3; color:var(--muted); }
      table.instr.with-leader td:nth-child(2) { grid-column:1 / 3; grid-row:4; color:var(--muted); }
      /* Five small figures in two rows rather than five screens' tops. */
      .figures.compact { grid-template-columns:repeat(3, 1fr); gap:8px; }
      .figures.compact .figure { padding:8px 10px; }
      .figures.compact .figure .value { font-size:20px; }
    }
    .phone-label { display:none; }
    table { width:100%; border-collapse:collapse; background:#fff; }
    th, td { border-bottom:1px solid var(--line); padding:7px 8px; text-align:left; vertical-align:top; }
    th { background:#eef1f4; font-weight:600; white-space:nowrap; }
    th a { color:var(--ink); text-decoration:none; }
    td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
    .table-wrap { overflow-x:auto; border:1px solid var(--line); border-radius:6px; }
    input.narrow { width:6.5em; }
    form.filters { display:flex; flex-wrap:wrap; gap:8px; align-items:flex-end; margin-bottom:12px; }
    form.filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); }
    div.options { display:flex; flex-wrap:wrap; gap:12px; align-items:flex-end; margin:10px 0; }
    div.options label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); }
    div.options label.full { flex:1 1 100%; } div.options label.full textarea { width:100%; max-width:44em; box-sizing:border-box; }
    div.options input[type=text] { max-width:100%; box-sizing:border-box; } div.options label.check { flex-direction:row; align-items:center; gap:4px; font-size:14px; color:inherit; }
    input, select, textarea { font:inherit; padding:5px 8px; border:1px solid #b8c2cc; border-radius:4px; background:#fff; }
    button, .button { font:inherit; padding:6px 14px; border-radius:4px; border:1px solid var(--accent); background:var(--accent);
                      color:#fff; cursor:pointer; text-decoration:none; display:inline-block; }
    .button.secondary, button.secondary { background:#fff; color:var(--accent); }
    button.danger, .button.danger { background:var(--red); border-color:var(--red); }
    details.confirm { display:inline-block; max-width:100%; }
    details.confirm > summary { list-style:none; }
    details.confirm > summary::-webkit-details-marker { display:none; }
    details.confirm[open] > summary { opacity:.55; }
    .confirm-panel { margin-top:8px; padding:10px 12px; border:1px solid var(--red); border-radius:6px; background:#fff8f6; max-width:560px; }
    .confirm-panel p { margin:0 0 8px; }
    .confirm-panel form { display:flex; gap:8px; flex-wrap:wrap; align-items:flex-end; }
    .toolbar { display:flex; gap:8px; flex-wrap:wrap; margin:8px 0 12px; align-items:center; }
    .toolbar .spacer { flex:1; }
    td > .toolbar { flex-wrap:nowrap; margin:0; align-items:flex-start; }
    .pager { display:flex; gap:12px; align-items:center; margin-top:10px; color:var(--muted); }
    .muted { color:var(--muted); }
    .nowrap { white-space:nowrap; }
    .late-mark { color:#b3261e; font-weight:600; white-space:nowrap; }
    header.top nav a .count, .menu-button .count { display:inline-block; min-width:16px; margin-left:4px; padding:0 5px; border-radius:9px;
      background:#fff; color:#b3261e; font-size:12px; line-height:18px; text-align:center; font-weight:600; }
    dl.fields { display:grid; grid-template-columns:140px 1fr; gap:6px 12px; margin:0; }
    dl.fields dt { color:var(--muted); }
    dl.fields dd { margin:0; }
    /* One field under another, full width up to a line's length: a form read on a phone (领导批示). */
    form.stacked { display:grid; gap:10px; max-width:40em; }
    form.stacked label { display:flex; flex-direction:column; gap:3px; font-size:13px; color:var(--muted); }
    form.stacked label.check { flex-direction:row; align-items:flex-start; gap:6px; font-size:14px; color:var(--ink); }
    /* 观摩's choices: one tick box a line, the box before its words. */
    form.stacked div.choices { display:grid; gap:6px; } form.stacked p.choices-label { margin:0; font-size:13px; color:var(--muted); }
    form.stacked div.choices label.check { display:flex; flex-direction:row; align-items:flex-start; gap:6px; font-size:14px; color:var(--ink); text-align:left; margin:0; }
    form.stacked div.choices label.check input, form.stacked label.check input { margin-top:3px; flex:none; width:auto; }
    form.stacked textarea, form.stacked input, form.stacked select { width:100%; box-sizing:border-box; }
    form.stacked button { justify-self:start; }
    ul.changes { margin:0; padding-left:1.2em; } ul.changes li { margin:3px 0; }
    .form-grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(260px,1fr)); gap:12px 18px; }
    .field label { display:block; font-size:13px; color:var(--muted); margin-bottom:3px; }
    .field input, .field select, .field textarea { width:100%; }
    .field.invalid input, .field.invalid select { border-color:var(--red); background:#fff5f5; }
    .field .error { color:var(--red); font-size:12px; margin-top:2px; }
    /* The clerk's month: a card per project, two or three across on a desk, one on a phone. */
    .report-cards { display:grid; grid-template-columns:repeat(auto-fill, minmax(320px, 1fr)); gap:14px; }
    .report-card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:14px; min-width:0; }
    .report-card.refused { border-color:var(--red); box-shadow:0 0 0 2px #ffcdd2; }
    .report-card h2 { margin:0 0 6px; font-size:17px; line-height:1.35; }
    .report-card dl.facts { display:grid; grid-template-columns:auto 1fr; gap:2px 12px; margin:8px 0; font-size:14px; }
    .report-card dl.facts dt { color:var(--muted); }
    .report-card dl.facts dd { margin:0; font-variant-numeric:tabular-nums; }
    .report-card .field { margin-bottom:10px; }
    .report-card input[name=amount] { font-size:20px; padding:8px 10px; }
    .report-card .toolbar button { padding:9px 16px; }
    .report-card .closed { font-style:italic; }
    .field-error { color:var(--red); font-size:13px; margin:4px 0 0; }
    [aria-invalid=true] { border-color:var(--red); outline:1px solid var(--red); }
    ul.changes { margin:0; padding-left:1.1em; }
    .tag, details.confirm > summary, td .toolbar button { white-space:nowrap; }
    td a.name { display:inline-block; min-width:8em; }
    @media (max-width: 900px) { .report-cards { grid-template-columns:1fr; } }
    .alert { padding:10px 14px; border-radius:6px; margin-bottom:14px; }
    .alert.pending { background:#fff8e1; border:1px solid #f0c36d; }
    #pending { position:sticky; top:0; z-index:5; }
    .alert.ok { background:#e8f5e9; border:1px solid #a5d6a7; }
    .alert.bad { background:#ffebee; border:1px solid #ef9a9a; }
    /* A success's toast: over the top right of the content, gone after six seconds; still there
       for whoever asks for less motion, and never covering the page on a phone (it sits in flow). */
    .alert.toast { position:fixed; top:16px; right:16px; z-index:20; max-width:420px; box-shadow:0 4px 16px rgba(0,0,0,.15);
                   animation:toast-out .4s ease 6s forwards; }
    @keyframes toast-out { to { opacity:0; visibility:hidden; } }
    @media (prefers-reduced-motion: reduce) { .alert.toast { animation:none; } }
    @media (max-width: 900px) { .alert.toast { position:static; max-width:none; box-shadow:none; animation:none; } }
    .tag { display:inline-block; padding:0 6px; border-radius:3px; background:#eef1f4; font-size:12px; }
    .stage-在建 { background:#e3f2fd; } .stage-落地 { background:#fff8e1; } .stage-谋划 { background:#f3e5f5; }
    .stage-招引 { background:#e0f7fa; } .stage-签约 { background:#e8f5e9; } .stage-退出 { background:#fbe9e7; }
    .card.error h1 { color:var(--red); font-size:40px; }
    .tag.red { background:#ffebee; color:var(--red); }
    td.date { white-space:nowrap; }
    tr.unread td { font-weight:600; }
    .official { font-size:17px; line-height:1.9; max-width:800px; }
    .official.wide { max-width:1040px; }
    /* GB/T 9704 on screen: the red 发文机关标志 or 简报 name, the number, the red rule; the title
       in black; 署名 and date at the right; 附件 each from a new page; the 版记 between rules. */
    .official .doc-head { border-bottom:2px solid #e60012; padding-bottom:6px; margin-bottom:8px; }
    .official .doc-letterhead { text-align:center; color:#e60012; font-size:min(34px, 7vw); font-weight:700; letter-spacing:2px; margin:8px 0 12px; line-height:1.3; }
    .official .doc-issue { text-align:center; margin:0; }
    .official .doc-issue-line { display:flex; justify-content:space-between; gap:12px; flex-wrap:wrap; margin:0; }
    .official .doc-title { text-align:center; font-size:min(26px, 5.6vw); letter-spacing:1px; white-space:pre-line; }
    .official .doc-signature { text-align:right; margin:24px 4em 0 0; } .official .doc-signature p { margin:0; }
    .official .doc-attachments-note { margin-top:16px; } .official .doc-attachments-note p { margin:0 0 0 2em; }
    .official .doc-attachment { margin-top:32px; border-top:1px dashed #c9d1d9; padding-top:16px; }
    .official .doc-attachment-label { font-weight:700; margin:0; } .official .doc-attachment-title { text-align:center; font-size:22px; }
    .official .doc-imprint { margin-top:32px; border-top:2px solid #111; border-bottom:2px solid #111; font-size:15px; }
    .official .doc-imprint p { margin:0; padding:4px 1em; } .official .doc-imprint p + p { border-top:1px solid #111; }
    .official .doc-imprint-line { display:flex; justify-content:space-between; gap:12px; flex-wrap:wrap; }
    .official table { font-size:15px; line-height:1.5; min-width:0; } .official th, .official td.keep { white-space:nowrap; }
    .official .indent { text-indent:2em; } .official .doc-sign { text-align:right; margin:4px 0; }
    nav.tabs { display:flex; gap:4px; margin-bottom:12px; border-bottom:1px solid #dde3ea; }
    nav.tabs { overflow-x:auto; overflow-y:hidden; scrollbar-width:thin; }
    nav.tabs a { padding:6px 14px; border-radius:6px 6px 0 0; color:var(--muted); text-decoration:none; white-space:nowrap; }
    nav.tabs a.active { background:#fff; border:1px solid #dde3ea; border-bottom-color:#fff; color:inherit; margin-bottom:-1px; }
    .columns { display:grid; grid-template-columns:repeat(auto-fit,minmax(340px,1fr)); gap:0 16px; }
    .packet-page { background:#fff; padding:24px 32px; margin-bottom:16px; border:1px solid #dde3ea; }
    .packet-page h2 { font-size:20px; margin-top:0; }
    @page { size:A4; margin:20mm 18mm; }
    /* The navigation as the left column of an admin product on a screen wide enough: grouped by
       the work, each group folding under its name, the signed-in person at the foot. */
    @media (min-width: 901px) {
      body.app { display:grid; grid-template-columns:208px minmax(0, 1fr); }
      header.top { position:sticky; top:0; align-self:start; height:100vh; overflow-y:auto; flex-direction:column; flex-wrap:nowrap;
                   align-items:stretch; gap:0; padding:0 0 12px; background:#1d2733; }
      header.top .brand { background:var(--brand); padding:15px 16px; font-size:16px; }
      main { margin:0; padding:20px 24px; }
      /* The person and the way out under the name, the sections below, the language at the foot. */
      header.top .user { order:1; } header.top nav { order:2; } header.top .lang { order:3; }
      header.top nav { flex-direction:column; flex-wrap:nowrap; flex:1 0 auto; gap:0; padding:6px 0; }
      header.top nav a { display:flex; align-items:center; gap:10px; padding:8px 16px 8px 20px; color:#d3dae3; border-left:3px solid transparent; }
      header.top nav a.active { background:rgba(255,255,255,.08); border-left-color:#e04848; color:#fff; }
      header.top nav a:hover { background:rgba(255,255,255,.06); color:#fff; }
      header.top nav a .label { flex:1; }
      header.top nav details summary { padding:12px 16px 4px; font-size:12px; color:#8c9bab; cursor:pointer; letter-spacing:1px; }
      header.top .user { flex-direction:row; flex-wrap:wrap; align-items:center; gap:2px 8px; white-space:normal; padding:10px 16px; border-bottom:1px solid rgba(255,255,255,.12); }
      header.top .user .roles { color:#8c9bab; }
      header.top .lang { padding:8px 16px 0; color:#8c9bab; border-top:1px solid rgba(255,255,255,.12); }
    }
    svg.icon { flex:none; vertical-align:-3px; }
    table.project-list td:nth-child(2) { min-width:11em; }
    nav.crumbs { font-size:12px; color:var(--muted); margin:0 0 8px; }
    nav.crumbs a { color:var(--muted); }
    nav.crumbs .sep { margin:0 6px; color:#9aa5b1; }
    /* A long list scrolls inside its frame on a screen wide enough for it, the header held at the
       top (its line drawn as a shadow: a collapsed border scrolls away with the row under it). */
    @media (min-width: 700px) {
      .table-wrap.sticky { max-height:calc(100vh - 150px); overflow:auto; }
      .table-wrap.sticky thead th { position:sticky; top:0; z-index:2; box-shadow:0 1px 0 var(--line); }
    }
    .list-tools details.columns-chooser { position:relative; }
    .list-tools details.columns-chooser form { position:absolute; right:0; z-index:5; background:#fff; border:1px solid var(--line);
                                               border-radius:6px; padding:10px 12px; box-shadow:0 4px 12px rgba(0,0,0,.12); width:max-content; max-width:80vw; }
    .list-tools details.columns-chooser div.options { flex-direction:column; align-items:flex-start; gap:6px; margin:0 0 10px; }
    @media print { .table-wrap.sticky { max-height:none; overflow:visible; } }
    /* A document prints on the standard's page: A4, 天头 37 mm, 订口 28 mm; a wide 附件 turned. */
    @page { size:A4; margin:37mm 26mm 35mm 28mm; }
    @page landscape { size:A4 landscape; margin:28mm 35mm 26mm 37mm; }
    @media print { .official .doc-attachment { break-before:page; border:none; margin:0; padding:0; }
      .official .doc-attachment.landscape { page:landscape; } .official thead { display:table-header-group; }
      .official tr { break-inside:avoid; } .official td.keep, .official td.num { white-space:nowrap; } }
    @media print { body.app { display:block; } header.top, .toolbar, form.filters, .pager, nav.tabs, .no-print { display:none; } body { background:#fff; }
      .packet-page { border:none; padding:0; margin:0; page-break-after:always; }
      .official .table-wrap { overflow:visible; border:none; } .official table { font-size:11px; } .official .doc-chart { max-width:560px; } }
    """
}
