// Command-line parsing (Tornado's `parse_command_line`): options come first, the first
// argument that is not an option (or everything after `--`) starts the positional rest.

extension OptionParser {
    /// Parses `arguments` (without the program name) and returns the positional arguments.
    ///
    /// Accepted forms: `--name=value`, `--name value`, and for flags `--name` alone; one or
    /// two leading dashes; `_` and `-` interchangeable in names. A lone `-` is positional.
    /// Parsing stops at the first non-option argument or after `--`. Later occurrences of an
    /// option override earlier ones. Values are assigned only if the whole command line is
    /// valid, so a failed parse changes nothing.
    /// - Throws: `OptionError` — `.unrecognizedOption` (with a did-you-mean suggestion when
    ///   a defined name is close), `.invalidValue`, `.missingValue`, or `.helpRequested`
    ///   (for `--help`; its `message` is `usage(programName:)` with `programName`).
    public func parse(_ arguments: [String], programName: String = "program") throws(OptionError) -> [String] {
        var assignments: [@Sendable () -> Void] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                index += 1
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else { break }
            let body = argument.drop(while: { $0 == "-" })
            let typedName = body.prefix(while: { $0 != "=" })
            let inlineValue = typedName.endIndex < body.endIndex ? String(body[body.index(after: typedName.endIndex)...]) : nil
            let name = Self.normalize(typedName)
            guard let spec = specs.withLock({ $0[name] }) else {
                throw .unrecognized(typedName.isEmpty ? argument : String(typedName), suggestion: suggestion(for: name))
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if spec.isFlag {
                value = "true"
            } else if index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") {
                index += 1
                value = arguments[index]
            } else {
                throw .missingValue(name)
            }
            if name == "help" {
                guard let wanted = OptionValueType<Bool>.boolean.parse(value) else {
                    throw .invalidValue(name, expected: OptionValueType<Bool>.boolean.expectation, got: value)
                }
                if wanted {
                    throw OptionError(code: .helpRequested, option: name, message: usage(programName: programName))
                }
            }
            assignments.append(try spec.prepare(value))
            index += 1
        }
        for assign in assignments { assign() }
        return Array(arguments[index...])
    }

    /// The closest defined name within two edits (transpositions count as one), if any.
    private func suggestion(for name: String) -> String? {
        let names = specs.withLock { Array($0.keys) }
        let limit = min(2, max(1, name.count / 2))
        return names
            .map { (name: $0, distance: Self.editDistance(name, $0)) }
            .filter { $0.distance <= limit }
            .min { ($0.distance, $0.name) < ($1.distance, $1.name) }?
            .name
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and
    /// adjacent transpositions each cost one.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
