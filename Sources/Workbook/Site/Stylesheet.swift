/// The site's only stylesheet: readable typography, light and dark colour schemes,
/// the Okabe–Ito chart palette, Markdown tables, callouts and footnotes, print styles and a
/// layout that fits a 390 px screen.
enum Stylesheet {
    /// The contents of `style.css`.
    static let css = """
        :root {
          color-scheme: light dark;
          --bg: #fdfdfc; --fg: #1d1f21; --muted: #55595f; --rule: #d5d7db; --code-bg: #f2f3f5;
          --link: #0b5cad; --claim-bg: #eef7f0; --claim-rule: #1f7a3a; --grid: #e3e5e8;
          \(ChartStyle.fallbackColours.enumerated().map { "--c\($0.offset): \($0.element);" }.joined(separator: " "))
          --note-bg: #edf3fb; --note-fg: #0b5cad; --tip-bg: #edf7f0; --tip-fg: #1b6e34; --warning-bg: #fdf3e4; --warning-fg: #8a4500;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #16181b; --fg: #e6e7e9; --muted: #a6abb2; --rule: #3a3e44; --code-bg: #23262b;
            --link: #8cc4ff; --claim-bg: #17281d; --claim-rule: #5cc77f; --grid: #2c3035;
            --c0: #56B4E9; --c1: #E69F00; --c2: #2fc99a; --c3: #e59ccc; --c4: #F0E442; --c5: #9fd3f3; --c6: #e6e7e9; --c7: #ff8c4a;
            --note-bg: #16243a; --note-fg: #8cc4ff; --tip-bg: #17281d; --tip-fg: #6fd490; --warning-bg: #2d2212; --warning-fg: #f2b660;
          }
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--bg); color: var(--fg);
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          font-size: 1.0625rem; line-height: 1.6; overflow-wrap: break-word;
        }
        main, .site-header, .site-footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
        main { min-width: 0; }
        a { color: var(--link); }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.8em 0 0.5em; }
        h1 { font-size: 2rem; margin-top: 0.4em; }
        h2 { font-size: 1.45rem; }
        h3 { font-size: 1.2rem; }
        p, ul, ol { margin: 0.7em 0; }
        code, pre, kbd { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
        code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 3px; }
        pre { background: var(--code-bg); padding: 0.75rem 1rem; border-radius: 4px; overflow-x: auto; max-width: 100%; }
        pre code { background: none; padding: 0; }
        blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--rule); color: var(--muted); }
        hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
        img { max-width: 100%; height: auto; }
        math { font-size: 1.05em; }
        math[display="block"] { display: block; margin: 1em 0; overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 0.2em 0; }
        .skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--bg); color: var(--link); padding: 0.5rem 1rem; z-index: 10; }
        .skip-link:focus { left: 0.5rem; }
        :focus-visible { outline: 3px solid var(--c4); outline-offset: 2px; }
        .site-header { padding-top: 0.75rem; padding-bottom: 0.75rem; border-bottom: 1px solid var(--rule); }
        .site-header a { font-weight: 600; text-decoration: none; }
        .site-header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1rem; }
        .site-header .print-link { font-weight: 400; margin-left: 0.75rem; font-size: 0.9rem; }
        [hidden] { display: none !important; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .search { position: relative; flex: 1 1 12rem; max-width: 20rem; }
        .search input { width: 100%; font: inherit; font-size: 0.95rem; padding: 0.25rem 0.5rem; border: 1px solid var(--rule);
          border-radius: 4px; background: var(--bg); color: var(--fg); }
        .search-results { position: absolute; z-index: 10; right: 0; left: 0; margin: 0.25rem 0 0; padding: 0; list-style: none;
          background: var(--bg); border: 1px solid var(--rule); border-radius: 4px; max-height: 70vh; overflow-y: auto;
          box-shadow: 0 4px 16px rgba(0, 0, 0, 0.15); min-width: min(22rem, 90vw); }
        .search-results li { border-bottom: 1px solid var(--rule); }
        .search-results a { display: block; padding: 0.4rem 0.6rem; font-weight: 400; }
        .search-results a:focus, .search-results a:hover { background: var(--code-bg); }
        .search-hit-title { display: block; font-weight: 600; }
        .search-hit-text { display: block; font-size: 0.85rem; color: var(--muted); }
        .search-none { padding: 0.4rem 0.6rem; color: var(--muted); }
        .copyable { position: relative; }
        .copy-button { position: absolute; top: 0.3rem; right: 0.3rem; font: inherit; font-size: 0.75rem; padding: 0.1rem 0.5rem;
          border: 1px solid var(--rule); border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; opacity: 0.85; }
        .copy-button:hover, .copy-button:focus-visible { opacity: 1; }
        .copy-scratch { position: fixed; top: 0; left: 0; opacity: 0; }
        .series-toggles { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; margin: 0.4rem 0; font-size: 0.85rem; }
        .series-toggle { font: inherit; padding: 0.1rem 0.5rem; border: 2px solid var(--rule); border-radius: 999px;
          background: var(--bg); color: var(--fg); cursor: pointer; }
        .series-toggle.s0 { border-color: var(--c0); } .series-toggle.s1 { border-color: var(--c1); } .series-toggle.s2 { border-color: var(--c2); }
        .series-toggle.s3 { border-color: var(--c3); } .series-toggle.s4 { border-color: var(--c4); } .series-toggle.s5 { border-color: var(--c5); }
        .series-toggle.s6 { border-color: var(--c6); } .series-toggle.s7 { border-color: var(--c7); }
        .series-toggle[aria-pressed="false"] { opacity: 0.5; text-decoration: line-through; }
        .series-hidden { display: none; }
        .explore { border: 1px solid var(--rule); border-radius: 6px; padding: 0.25rem 0.75rem; margin: 1rem 0; }
        .explore-controls { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; align-items: center; }
        .explore-title { flex-basis: 100%; margin: 0.4rem 0 0; font-size: 0.9rem; color: var(--muted); }
        .explore-axis { margin: 0.25rem 0; display: flex; gap: 0.5rem; align-items: center; }
        .explore-axis input[type="range"] { width: 10rem; }
        .explore-axis select { font: inherit; }
        .chapter-menu { margin: 0; }
        .chapter-menu summary { font-weight: 400; }
        .chapter-menu ol { margin: 0.4rem 0 0; padding-left: 1.75rem; }
        .chapter-menu a { font-weight: 400; }
        .chapter-menu a[aria-current="page"] { font-weight: 700; }
        .site-footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; }
        .chapter-number, .chapter-meta { color: var(--muted); margin: 0.2em 0; }
        .objectives h2, .toc h2 { font-size: 1.1rem; margin-top: 1.2em; }
        .toc { border: 1px solid var(--rule); border-radius: 4px; padding: 0 1rem 0.5rem; margin: 1.5rem 0; }
        .toc ol { padding-left: 1.25rem; margin: 0.3em 0; }
        .outline { padding-left: 1.25rem; }
        .outline-chapter h3 { margin-top: 1.2em; }
        .lead { font-size: 1.1rem; }
        .computed { font-variant-numeric: tabular-nums; border-bottom: 1px dotted var(--muted); }
        figure { margin: 1.5rem 0; max-width: 100%; }
        figcaption { color: var(--muted); font-size: 0.95rem; margin-top: 0.4rem; }
        .figure-scroll, .table-scroll { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }
        .figure-scroll svg { display: block; width: 100%; height: auto; min-width: 20rem; }
        .figure-scroll svg.histogram-grid { min-width: 40rem; }
        table { border-collapse: collapse; font-size: 0.92rem; font-variant-numeric: tabular-nums; margin: 0; }
        caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 0.4rem; }
        th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
        th { border-bottom-width: 2px; }
        td.num { text-align: right; }
        td.missing { color: var(--muted); }
        .downloads { font-size: 0.9rem; margin: 0.4rem 0; }
        .rerun { font-size: 0.85rem; color: var(--muted); }
        .rerun p { margin: 0.4rem 0 0.2rem; }
        .rerun pre { margin: 0.2rem 0; white-space: pre-wrap; word-break: break-all; }
        .cell { margin: 1.5rem 0; }
        .cell pre.cell-code { border-left: 3px solid var(--c0); margin-bottom: 0; border-radius: 0 4px 4px 0; }
        .cell pre.cell-output { background: none; border: 1px solid var(--rule); border-left: 3px solid var(--muted); margin-top: 0.3rem; border-radius: 0 4px 4px 0; }
        .cell pre.cell-output samp { font-family: inherit; }
        .cell-fold > summary { font-weight: 400; color: var(--muted); font-size: 0.9rem; }
        .override-notice { border: 2px solid var(--c4); border-radius: 4px; padding: 0.25rem 1rem; margin: 1.5rem 0; }
        .claim-fails { border-left-color: var(--c1); }
        .claim-fails .claim-badge { color: var(--fg); }
        .missing-value { font-style: italic; color: var(--muted); }
        .caption-published { font-style: italic; }
        .anchor { color: inherit; text-decoration: none; font-weight: 600; }
        .claim { border-left: 4px solid var(--claim-rule); background: var(--claim-bg); padding: 0.5rem 1rem; margin: 1.2rem 0; border-radius: 0 4px 4px 0; }
        .claim-badge { font-weight: 600; color: var(--claim-rule); margin: 0.2rem 0; }
        .claim-measured { font-size: 0.9rem; color: var(--muted); }
        .source figcaption { margin: 0 0 0.3rem; }
        .exercise { border: 1px solid var(--rule); border-radius: 4px; padding: 0.25rem 1rem 0.75rem; margin: 1.5rem 0; }
        .exercise-title { font-weight: 700; }
        details { margin: 0.5rem 0; }
        summary { cursor: pointer; font-weight: 600; }
        /* Markdown: pipe tables, callouts (title and text at least 4.5:1 on their background in both schemes), footnotes. */
        .markdown-table th, .markdown-table td { white-space: normal; vertical-align: top; }
        .markdown-table .align-left { text-align: left; }
        .markdown-table .align-center { text-align: center; }
        .markdown-table .align-right { text-align: right; }
        .callout { border-left: 4px solid var(--callout-fg); background: var(--callout-bg); padding: 0.25rem 1rem; margin: 1.2rem 0; border-radius: 0 4px 4px 0; }
        .callout-note { --callout-bg: var(--note-bg); --callout-fg: var(--note-fg); }
        .callout-tip { --callout-bg: var(--tip-bg); --callout-fg: var(--tip-fg); }
        .callout-warning { --callout-bg: var(--warning-bg); --callout-fg: var(--warning-fg); }
        .callout-title { font-weight: 700; color: var(--callout-fg); margin: 0.4rem 0 0.2rem; }
        .footnote-ref { line-height: 0; }
        .footnotes { border-top: 1px solid var(--rule); margin-top: 2.5rem; font-size: 0.95rem; }
        .footnotes h2 { font-size: 1.1rem; margin-top: 1em; }
        .footnotes li:target { background: var(--code-bg); }
        .raw-html { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; color: var(--muted); }
        .pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; margin: 3rem 0 1rem; }
        .pager .next { margin-left: auto; text-align: right; }
        /* Charts: colours come from the palette variables so they follow the colour scheme. */
        svg.chart { color: var(--fg); font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 12px; }
        svg.chart text { fill: currentColor; }
        svg.chart .chart-title { font-size: 14px; font-weight: 600; }
        svg.chart .axis-title { font-size: 12px; }
        svg.chart .tick-small, svg.chart .panel-title { font-size: 10px; }
        svg.chart .grid { stroke: var(--grid); stroke-width: 1; }
        svg.chart .axis-line { stroke: currentColor; stroke-width: 1; }
        .s0 .line, .s0 .marker { stroke: var(--c0); } .s0 .marker:not(.stroked), .s0 .bar { fill: var(--c0); }
        .s1 .line, .s1 .marker { stroke: var(--c1); } .s1 .marker:not(.stroked), .s1 .bar { fill: var(--c1); }
        .s2 .line, .s2 .marker { stroke: var(--c2); } .s2 .marker:not(.stroked), .s2 .bar { fill: var(--c2); }
        .s3 .line, .s3 .marker { stroke: var(--c3); } .s3 .marker:not(.stroked), .s3 .bar { fill: var(--c3); }
        .s4 .line, .s4 .marker { stroke: var(--c4); } .s4 .marker:not(.stroked), .s4 .bar { fill: var(--c4); }
        .s5 .line, .s5 .marker { stroke: var(--c5); } .s5 .marker:not(.stroked), .s5 .bar { fill: var(--c5); }
        .s6 .line, .s6 .marker { stroke: var(--c6); } .s6 .marker:not(.stroked), .s6 .bar { fill: var(--c6); }
        .s7 .line, .s7 .marker { stroke: var(--c7); } .s7 .marker:not(.stroked), .s7 .bar { fill: var(--c7); }
        @media (max-width: 30rem) {
          body { font-size: 1rem; }
          main, .site-header, .site-footer { padding: 0 0.75rem; }
          h1 { font-size: 1.6rem; }
          .pager { flex-direction: column; }
          .pager .next { margin-left: 0; text-align: left; }
        }
        @media print {
          :root { --bg: #fff; --fg: #000; --muted: #333; --link: #000; --code-bg: #f4f4f4; }
          .skip-link, .site-header, .pager, .toc, .rerun, .downloads { display: none; }
          .explore-controls, .copy-button, .series-toggles, .search { display: none !important; }
          .explore { border: none; padding: 0; }
          .print-chapter { break-before: page; }
          h1, h2, h3, h4 { break-after: avoid; }
          body { font-size: 11pt; }
          main { max-width: none; }
          a { text-decoration: none; }
          figure, table, .claim, .exercise, .callout, pre { break-inside: avoid; }
          details { display: block; }
          details > * { display: block; }
          .figure-scroll, .table-scroll { overflow: visible; }
          .figure-scroll svg, .figure-scroll svg.histogram-grid { min-width: 0; }
          th, td { white-space: normal; }
        }
        """ + "\n"
}
