/// Plain words for the YAML parser's (libyaml's) problems, for `file:line: what is wrong` messages a ministry
/// secretary reads after editing a pipeline, label-set, region or sidecar file: what is wrong and what to do,
/// without the parser's terms ("while scanning a simple key", "block mapping", "stream").
public enum YAMLMessage {
    /// `problem` is the parser's problem text; `column` (1-based) where it noticed it, when known.
    public static func plain(_ problem: String, column: Int? = nil) -> String {
        let near = column.map { " (near column \($0))" } ?? ""
        let text = problem.lowercased()
        for (fragment, explanation) in explanations where text.contains(fragment) {
            return explanation + near
        }
        return
            "the YAML cannot be read here\(near) — check indentation (spaces, not tabs), colons after keys and closing quotes"
    }

    /// For a file that is not UTF-8 text.
    public static let notUTF8 = "the file is not UTF-8 text — save it as UTF-8"

    private static let explanations: [(String, String)] = [
        ("could not find expected ':'", "a key is missing its `:` — write `key: value`, one per line"),
        (
            "mapping values are not allowed",
            "a `:` where a value was expected — put a value that contains `: ` in quotes, or fix the indentation"
        ),
        (
            "cannot start any token",
            "a character that cannot begin a value (a tab used for indentation, or an unquoted `@`, `` ` `` or `%`) — indent with spaces and put such values in quotes"
        ),
        ("found a tab", "a tab used for indentation — indent with spaces"),
        (
            "did not find expected key",
            "the indentation does not line up — indent the keys of one level by the same number of spaces"
        ),
        (
            "did not find expected '-'",
            "a list item does not line up — start every item of a list with `- ` at the same indentation"
        ),
        (
            "did not find expected ','",
            "a list or mapping in brackets is not closed — check the `]` or `}` and the commas"
        ),
        ("found unexpected end of stream", "a quote is not closed — end the value with the same quote it starts with"),
        (
            "unknown escape",
            "an unknown backslash sequence in a double-quoted value — use single quotes, or write `\\\\` for a backslash"
        ),
        ("found undefined alias", "a `*` begins a value (read as a YAML alias) — put the value in quotes"),
        ("found duplicate anchor", "an `&` begins a value (read as a YAML anchor) — put the value in quotes"),
        ("found unexpected ':'", "a `:` where a value was expected — put the value in quotes"),
    ]
}
