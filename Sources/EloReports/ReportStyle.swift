import EloCore

/// The one style sheet every HTML report inlines: no fonts, scripts or other files are loaded, so the
/// pages work offline, on a laptop screen and on paper. Levels are told apart by colour *and* by a symbol.
enum ReportStyle {
    /// Everything of a page up to and including `<body>`, with the style sheet inlined; `title` is escaped.
    static func pageStart(title: String, language: ReportLanguage) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        """
    }

    /// ` · Suomeksi` links to the same page in other languages, each named in its own language.
    static func languageLinks(_ alternates: [(language: ReportLanguage, link: String)]) -> String {
        alternates.map {
            let code = $0.language.rawValue
            return
                " · <a href=\"\(HTMLText.escape($0.link))\" lang=\"\(code)\" hreflang=\"\(code)\">\(HTMLText.escape(ReportStrings.of($0.language).text("national.other-language")))</a>"
        }.joined()
    }

    /// `--covered: …; --covered-bg: …;` and so on for every level, from `LevelPalette`.
    static var levelColours: String {
        let names: [(CoverageLevel, String)] = [
            (.covered, "covered"), (.weak, "weak"), (.notCovered, "gap"), (.notAssessed, "na"),
        ]
        return names.map { level, name in
            let colours = LevelPalette.colours(level)
            return "--\(name): \(LevelPalette.css(colours.ink)); --\(name)-bg: \(LevelPalette.css(colours.background));"
        }.joined(separator: " ")
    }

    static let css = """
        :root { \(levelColours) --ink: #1f2328; --muted: #57606a; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink);
          margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 78rem; line-height: 1.45; font-size: 15px; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
        h3 { font-size: 1.05rem; margin: 0; }
        a { color: #0a58ca; }
        .meta, .muted { color: var(--muted); font-size: .9rem; }
        code { font-size: .85em; background: #f3f4f6; padding: 0 .25em; border-radius: 3px; }
        .level { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600;
          white-space: nowrap; border: 1px solid transparent; }
        .level-covered { background: var(--covered-bg); color: var(--covered); border-color: var(--covered); }
        .level-weak { background: var(--weak-bg); color: var(--weak); border-color: var(--weak); }
        .level-not-covered { background: var(--gap-bg); color: var(--gap); border-color: var(--gap); }
        .level-not-assessed { background: var(--na-bg); color: var(--na); border-color: var(--na);
          background-image: repeating-linear-gradient(45deg, transparent 0 4px, rgba(0,0,0,.07) 4px 8px); }
        .legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin: .75rem 0 1rem; padding: 0; list-style: none;
          font-size: .9rem; }
        .legend li { display: flex; align-items: center; gap: .4rem; }
        .notice { border-left: 4px solid var(--weak); background: #fff8e6; padding: .6rem .9rem; margin: 1rem 0; }
        .notice.not-assessed { border-color: var(--na); background: #f3f4f6; }
        table { border-collapse: collapse; }
        table.list { width: 100%; font-size: .9rem; margin: .5rem 0; }
        table.list th, table.list td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e5e7eb;
          vertical-align: top; overflow-wrap: anywhere; }
        .matrix-wrap { overflow: auto; max-height: 85vh; }
        .controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; font-size: .9rem; }
        .controls label { display: flex; flex-direction: column; gap: .15rem; }
        .controls select, .controls input, .controls button { font: inherit; padding: .15rem .3rem; }
        table.matrix thead th { position: sticky; z-index: 2; }
        table.matrix thead tr:first-child th { top: 0; height: 1.9rem; }
        table.matrix thead tr:nth-child(2) th { top: 1.9rem; }
        table.matrix th.region { position: sticky; left: 0; z-index: 1; }
        table.matrix thead th.region { z-index: 3; background: #f6f8fa; }
        table.matrix th.label button { all: unset; cursor: pointer; }
        table.matrix th.label button:focus-visible, table.matrix td a:focus-visible { outline: 3px solid #0a58ca; }
        .hidden { display: none; }
        table.matrix td.dimmed a { opacity: .25; }
        table.documents th, table.documents td { overflow-wrap: normal; word-break: normal; hyphens: manual; }
        table.documents th { white-space: nowrap; }
        table.documents td:first-child { min-width: 14rem; }
        .table-wrap { overflow-x: auto; }
        table.matrix { font-size: .85rem; }
        table.matrix th, table.matrix td { border: 1px solid #fff; padding: 0; }
        table.matrix thead th { background: #f6f8fa; font-weight: 600; padding: .3rem .25rem; }
        table.matrix th.set { text-align: center; border-bottom: 2px solid #d0d7de; }
        table.matrix th.label { height: 9.5rem; vertical-align: bottom; white-space: nowrap; }
        table.matrix th.label span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; }
        table.matrix thead th.region { vertical-align: bottom; }
        table.matrix th.region { text-align: left; padding: .3rem .6rem .3rem 0; white-space: nowrap; background: #fff; }
        table.matrix td a { display: block; width: 2.1rem; height: 1.9rem; line-height: 1.9rem; text-align: center;
          text-decoration: none; font-weight: 700; }
        table.matrix td.level-covered a { color: var(--covered); }
        table.matrix td.level-weak a { color: var(--weak); }
        table.matrix td.level-not-covered a { color: var(--gap); }
        table.matrix td.level-not-assessed a { color: var(--na); }
        table.matrix td { border-radius: 0; }
        table.matrix tfoot th, table.matrix tfoot td { font-size: .8rem; color: var(--muted); text-align: center;
          padding: .3rem 0; background: #f6f8fa; }
        table.matrix tfoot th { text-align: left; padding-left: 0; }
        .label-entry { border: 1px solid #d0d7de; border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0;
          break-inside: avoid; }
        .label-entry header { display: flex; gap: .75rem; align-items: baseline; flex-wrap: wrap; }
        .label-entry h4 { font-size: .85rem; margin: .6rem 0 .2rem; color: var(--muted); text-transform: uppercase;
          letter-spacing: .03em; }
        blockquote { margin: .35rem 0; padding: .35rem .75rem; border-left: 3px solid #d0d7de; background: #fafbfc; }
        blockquote.near-miss { border-left-style: dashed; }
        blockquote p { margin: 0; overflow-wrap: anywhere; }
        blockquote footer { font-size: .8rem; color: var(--muted); margin-top: .2rem; }
        mark { background: #fff0a0; color: inherit; padding: 0 .1em; border-radius: 2px; }
        ul.changes { padding-left: 1.2rem; }
        .caveat { display: inline-block; min-width: 1.1em; margin-left: .1em; padding: 0 .2em; border-radius: 3px;
          background: #1f2328; color: #fff; font-size: .75em; font-weight: 700; line-height: 1.3; text-align: center; }
        table.matrix td.incomplete a { outline: 2px dashed #1f2328; outline-offset: -3px; }
        .caveat-note { margin: .4rem 0; font-size: .9rem; }
        table.goal-regions { width: 100%; font-size: .9rem; }
        table.goal-regions th, table.goal-regions td { text-align: left; vertical-align: top; padding: .35rem .5rem;
          border-bottom: 1px solid #e5e7eb; }
        table.goal-regions thead th { position: sticky; top: 0; z-index: 2; background: #f6f8fa; white-space: nowrap; }
        table.goal-regions th.region { position: sticky; left: 0; z-index: 1; background: #fff; min-width: 8rem; }
        table.goal-regions thead th.region { z-index: 3; background: #f6f8fa; }
        table.goal-regions tbody td:nth-child(2) { white-space: nowrap; font-weight: 600; }
        table.goal-regions tbody td:last-child { min-width: 16rem; }
        table.goal-regions td.incomplete { outline: 2px dashed #1f2328; outline-offset: -3px; }
        table.goal-regions th.label button { all: unset; cursor: pointer; }
        table.goal-regions th.label button:focus-visible, table.goal-regions a:focus-visible { outline: 3px solid #0a58ca; }
        table.goal-regions blockquote { margin: 0 0 .35rem; }
        table.goal-regions .caveat-note, table.goal-regions p.muted { margin: 0 0 .25rem; }
        ul.not-assessed-regions li { margin: .3rem 0; }
        .why { font-style: italic; }
        .notice ul { margin: .3rem 0; }
        .passage { border-left: 3px solid #d0d7de; padding: .2rem .75rem; margin: .5rem 0; }
        .passage:target { border-left-color: #0a58ca; background: #eef4ff; }
        .passage-heading p { font-weight: 700; }
        .passage p { margin: 0; }
        ul.labels { margin: .2rem 0 0; padding-left: 1.2rem; font-size: .85rem; }
        @media (max-width: 700px) { body { padding: 1rem; }
          table.matrix th.region { white-space: normal; min-width: 7rem; max-width: 9rem; }
          table.goal-regions th.region { min-width: 6rem; max-width: 8rem; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
          .matrix-wrap { overflow: visible; }
          h2 { break-after: avoid; }
          .label-entry, blockquote, tr { break-inside: avoid; }
          @page { margin: 12mm; }
        }
        """
}
