import EloCore

/// Filters (label set, level, region name) and sorting for the national matrix and a goal page's table of
/// regions, run by a small inline script in the browser: no server, nothing loaded. The controls start
/// `hidden`, and only the script shows them, so without JavaScript the page is the plain table and every link
/// still works.
struct MatrixControls {
    var report: CoverageReport
    var strings: ReportStrings
    /// Whether the label set filter is offered (a goal page has one goal, of one set).
    var filtersBySet = true

    /// The controls' HTML, before the matrix.
    func html() -> String {
        let e = HTMLText.escape
        let t = strings
        let all = "<option value=\"\">\(t.html("controls.all"))</option>"
        let sets = report.sets.map { "<option value=\"\(e($0))\">\(e($0))</option>" }.joined()
        let levels = CoverageLevel.allCases.map { "<option value=\"\($0.rawValue)\">\(e(t.level($0)))</option>" }
            .joined()
        let sorts = [("", "controls.sort-table"), ("name", "controls.sort-name"), ("gaps", "controls.sort-gaps")]
            .map { "<option value=\"\($0.0)\">\(t.html($0.1))</option>" }.joined()
        let setFilter =
            filtersBySet ? "<label>\(t.html("controls.set")) <select id=\"f-set\">\(all)\(sets)</select></label>\n" : ""
        return """
            <div class="controls" hidden>
            \(setFilter)<label>\(t.html("controls.level")) <select id="f-level">\(all)\(levels)</select></label>
            <label>\(t.html("controls.region")) <input id="f-region" type="search"></label>
            <label>\(t.html("controls.sort")) <select id="f-sort">\(sorts)</select></label>
            </div>

            """
    }

    /// The script, after the matrix; `{sort-by}` in the strings names the column in each header's button.
    func script() -> String {
        let sortBy = HTMLText.escape(strings.text("controls.sort-by-column")).replacingOccurrences(of: "'", with: "")
        return "<script>\n/* elo matrix controls */\n" + Self.source.replacingOccurrences(of: "SORT_BY", with: sortBy)
            + "</script>\n"
    }

    static let source = """
        (function () {
          var table = document.querySelector('table.matrix, table.goal-regions'), box = document.querySelector('.controls');
          if (!table || !box || !table.tBodies.length) return;
          box.hidden = false;
          var each = function (list, f) { Array.prototype.forEach.call(list, f); };
          var labels = Array.prototype.slice.call(table.querySelectorAll('thead th.label'));
          var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows), order = rows.slice();
          var rank = { 'not-covered': 0, 'weak': 1, 'covered': 2, 'not-assessed': 3 }, column = -1, reverse = false;
          var level = function (cell) { var m = /level-([a-z-]+)/.exec(cell.className); return m ? m[1] : ''; };
          var value = function (id) { var input = box.querySelector('#' + id); return input ? input.value : ''; };
          function filter() {
            var set = value('f-set'), wanted = value('f-level'), text = value('f-region').toLowerCase();
            labels.forEach(function (th, i) {
              var hide = !!set && th.getAttribute('data-set') !== set;
              th.classList.toggle('hidden', hide);
              rows.concat(table.tFoot ? [table.tFoot.rows[0]] : []).forEach(function (row) { row.cells[i + 1].classList.toggle('hidden', hide); });
            });
            each(table.querySelectorAll('thead th.set'), function (th) { th.classList.toggle('hidden', !!set && th.getAttribute('data-set') !== set); });
            rows.forEach(function (row) {
              var any = false;
              labels.forEach(function (th, i) {
                var cell = row.cells[i + 1], match = !wanted || level(cell) === wanted;
                cell.classList.toggle('dimmed', !match);
                if (match && !cell.classList.contains('hidden')) any = true;
              });
              var name = row.cells[0].textContent.toLowerCase();
              row.classList.toggle('hidden', (!!text && name.indexOf(text) < 0) || (!!wanted && !any));
            });
          }
          function gaps(row) {
            var n = 0;
            labels.forEach(function (th, i) { var l = level(row.cells[i + 1]); if (!row.cells[i + 1].classList.contains('hidden') && (l === 'weak' || l === 'not-covered')) n++; });
            return n;
          }
          function sort() {
            var how = value('f-sort'), sorted = order.slice();
            if (column >= 0) sorted.sort(function (a, b) { return rank[level(a.cells[column + 1])] - rank[level(b.cells[column + 1])] || order.indexOf(a) - order.indexOf(b); });
            else if (how === 'name') sorted.sort(function (a, b) { return a.cells[0].textContent.localeCompare(b.cells[0].textContent, document.documentElement.lang); });
            else if (how === 'gaps') sorted.sort(function (a, b) { return gaps(b) - gaps(a) || order.indexOf(a) - order.indexOf(b); });
            if (reverse) sorted.reverse();
            sorted.forEach(function (row) { body.appendChild(row); });
            labels.forEach(function (th, i) { if (i === column) th.setAttribute('aria-sort', reverse ? 'descending' : 'ascending'); else th.removeAttribute('aria-sort'); });
          }
          labels.forEach(function (th, i) {
            var button = document.createElement('button'), span = th.querySelector('span');
            button.type = 'button';
            button.setAttribute('aria-label', 'SORT_BY ' + th.getAttribute('data-label'));
            th.replaceChild(button, span);
            button.appendChild(span);
            button.addEventListener('click', function () { reverse = column === i ? !reverse : false; column = i; sort(); });
          });
          box.addEventListener('input', function (event) {
            if (event.target.id === 'f-sort') { column = -1; reverse = false; sort(); }
            filter();
          });
          box.addEventListener('change', function () { filter(); });
        })();

        """
}
