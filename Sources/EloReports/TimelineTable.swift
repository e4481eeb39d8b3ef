import EloCore

/// The table of a coverage history, shared by the region page's timeline and the national changes page: one row
/// per change with its date, goal, the levels before and after, why it is compared (runs or versions), the
/// document version that decided it and the quotes before and after. Every word comes from `ReportStrings`.
struct TimelineTable {
    var strings: ReportStrings
    var labels: [CoverageLabel]
    /// With a region column: each region's page, relative to the page the table is on, by region id.
    var regionPages: [String: (name: String, link: String)]?
    /// Links the goal to its section of the page the table is on (a region page).
    var linksGoals = false

    private var swedish: Bool { strings.language == .swedish }

    func render(_ changes: [TimelineChange]) -> String {
        var keys = ["timeline.date"]
        if regionPages != nil { keys.append("national.region-column") }
        keys += [
            "timeline.goal", "timeline.change", "timeline.basis", "timeline.decided-by", "timeline.before",
            "timeline.after",
        ]
        var html =
            "<div class=\"table-wrap\"><table class=\"list timeline\">\n<thead><tr>"
            + keys.map { "<th scope=\"col\">\(strings.html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for change in changes { html += row(change) }
        return html + "</tbody>\n</table></div>\n"
    }

    private func row(_ change: TimelineChange) -> String {
        let e = HTMLText.escape
        let t = strings
        var cells = ["<td>\(date(change.date, previous: change.previousDate))</td>"]
        if let regionPages {
            let region = regionPages[change.region]
            let name = e(region?.name ?? change.region)
            cells.append(region.map { "<td><a href=\"\(e($0.link))#timeline\">\(name)</a></td>" } ?? "<td>\(name)</td>")
        }
        let title = labels.first { $0.id == change.label }.map { e($0.title(swedish: swedish)) } ?? e(change.label)
        let goal = linksGoals ? "<a href=\"#\(HTMLText.anchor("label", change.label))\">\(title)</a>" : title
        cells.append("<td>\(goal) <code>\(e(change.label))</code></td>")
        cells.append(
            "<td>\(e(ChangeWording.verb(change.change, t))): \(LevelBadge.html(change.from, t)) → \(LevelBadge.html(change.to, t))</td>"
        )
        cells.append("<td>\(e(ChangeWording.basis(change.basis, t)))</td>")
        cells.append("<td>\(version(change.decidedBy))</td>")
        cells.append("<td>\(evidence(change.evidenceBefore))</td>")
        cells.append("<td>\(evidence(change.evidenceAfter))</td>")
        return "<tr>" + cells.joined() + "</tr>\n"
    }

    /// The day of the newer state, with the older state's day after it.
    private func date(_ date: String, previous: String) -> String {
        let e = HTMLText.escape
        let since = strings.html(
            "timeline.previous", ["date": "<time datetime=\"\(e(previous))\">\(e(String(previous.prefix(10))))</time>"])
        return
            "<time datetime=\"\(e(date))\">\(e(String(date.prefix(10))))</time><br><span class=\"muted\">\(since)</span>"
    }

    private func version(_ reference: DocumentVersionReference?) -> String {
        guard let reference else { return "<span class=\"muted\">—</span>" }
        let number = reference.version.map { " (\(strings.html("timeline.version", ["number": String($0)])))" } ?? ""
        return "<code>\(HTMLText.path(reference.document))</code>\(number)"
    }

    private func evidence(_ evidence: TimelineEvidence?) -> String {
        guard let evidence else { return "<span class=\"muted\">—</span>" }
        let e = HTMLText.escape
        return
            "<q>\(e(evidence.quote))</q><br><span class=\"muted\"><code>\(HTMLText.path(evidence.document))</code>, \(strings.html("quote.page", ["page": String(evidence.page)]))</span>"
    }
}
