// The `--help` text, laid out like Tornado's `print_help`: one `--name=TYPE` column
// 30 wide, then the help wrapped to 44 columns with the default appended.

extension OptionParser {
    /// The usage text for `--help`: `Usage: <programName> [OPTIONS]`, then every option
    /// sorted by name with its type placeholder, help and default, ending in a newline.
    public func usage(programName: String) -> String {
        let all = specs.withLock { Array($0.values) }.sorted { $0.name < $1.name }
        var text = "Usage: \(programName) [OPTIONS]\n\nOptions:\n\n"
        for spec in all {
            let prefix = spec.name + (spec.isFlag ? "[=\(spec.metavar)]" : "=" + spec.metavar)
            var description = spec.help
            if let shown = spec.defaultText {
                description += (description.isEmpty ? "" : " ") + "(default \(shown))"
            }
            var lines = Self.wrap(description, width: 44)
            if prefix.count > 30 || lines.isEmpty { lines.insert("", at: 0) }
            text += "  --" + Self.padded(prefix, to: 30) + " " + lines[0] + "\n"
            for line in lines.dropFirst() {
                text += String(repeating: " ", count: 35) + line + "\n"
            }
        }
        return text
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Greedy word wrap; a word longer than `width` gets a line of its own.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
