/// The small search form `elo serve` puts at the top of each HTML page it serves (the written pages have
/// none: they work without a server). It sends the words to the search page, in the page's own language.
public enum SearchBox {
    /// `page` with the form right after `<body>`; `path` is the page's path below the served root
    /// (`regions/lappi.html`), so the form's target is relative and works under any proxy prefix.
    public static func inserted(into page: String, at path: String) -> String {
        guard let head = page.range(of: "</head>\n"), let body = page.range(of: "<body>\n") else { return page }
        let language: ReportLanguage = page.prefix(200).contains("<html lang=\"sv\"") ? .swedish : .finnish
        let t = ReportStrings.of(language)
        let depth = path.filter { $0 == "/" }.count
        let form = """
            <form class="search-box" method="get" action="\(String(repeating: "../", count: depth))search" role="search">\
            <label for="box-q">\(t.html("search.box"))</label> <input id="box-q" name="q" type="search">\
            <input type="hidden" name="lang" value="\(language.rawValue)"> <button type="submit">\(t.html("search.submit"))</button></form>

            """
        return String(page[..<head.lowerBound]) + "<style>\n" + css + "</style>\n</head>\n"
            + page[head.upperBound..<body.lowerBound] + "<body>\n" + form + page[body.upperBound...]
    }

    /// The served pages' own rules (the box, the search page's hits), beside the reports' style sheet.
    public static let css = """
        .search-box { float: right; display: flex; gap: .4rem; align-items: center; font-size: .9rem; margin-left: 1rem; }
        .search-box input, .search-box button { font: inherit; padding: .1rem .3rem; }
        form.search-form select { max-width: 22rem; }
        ol.hits { padding-left: 1.5rem; }
        ol.hits li { margin: .75rem 0; }
        ol.hits p.meta { margin: 0; }

        """
}
