// StringFormat: Python's `str.format`, e.g. `"{} of {}".format(i, n)`,
// `"{0[name]}: {1:.1%}".format(user, ratio)`, `"{user.name!r:>12}"`.
// Parsed once when the format string is a literal in the template.

struct StringFormat: Sendable {
    enum FieldName: Sendable {
        case automatic
        case index(Int)
        case keyword(String)
    }

    enum Accessor: Sendable {
        case attribute(String)
        case item(TemplateValue)
    }

    struct Field: Sendable {
        var name: FieldName
        var accessors: [Accessor]
        var conversion: Character?
        var spec: FormatSpec?
    }

    let pieces: [FormatPiece<Field>]

    /// Parses `format`.
    /// - Throws: `TemplateError` (runtime) for unbalanced braces or bad fields.
    init(_ format: String) throws(TemplateError) {
        var pieces: [FormatPiece<Field>] = []
        var literal = ""
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            if character == "}" {
                guard characters.popFirst() == "}" else { throw TemplateError(runtime: "single '}' encountered in format string") }
                literal.append("}")
            } else if character == "{" {
                if characters.first == "{" {
                    characters.removeFirst()
                    literal.append("{")
                    continue
                }
                guard let close = characters.firstIndex(of: "}") else {
                    throw TemplateError(runtime: "single '{' encountered in format string")
                }
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.field(try Self.parseField(String(characters[..<close]))))
                characters = characters[(close + 1)...]
            } else {
                literal.append(character)
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    private static func parseField(_ text: String) throws(TemplateError) -> Field {
        guard !text.contains("{") else { throw TemplateError(runtime: "nested replacement fields are not supported") }
        var reference = Substring(text)
        var spec: FormatSpec?
        if let colon = reference.firstIndex(of: ":") {
            spec = try FormatSpec(String(reference[reference.index(after: colon)...]))
            reference = reference[..<colon]
        }
        var conversion: Character?
        if let bang = reference.firstIndex(of: "!") {
            let rest = reference[reference.index(after: bang)...]
            guard rest.count == 1, let kind = rest.first, "rsa".contains(kind) else {
                throw TemplateError(runtime: "invalid conversion in format field '{\(text)}'")
            }
            conversion = kind
            reference = reference[..<bang]
        }
        let nameEnd = reference.firstIndex { $0 == "." || $0 == "[" } ?? reference.endIndex
        let first = reference[..<nameEnd]
        let name: FieldName = first.isEmpty ? .automatic : Int(first).map(FieldName.index) ?? .keyword(String(first))
        return Field(name: name, accessors: try parseAccessors(reference[nameEnd...], field: text), conversion: conversion, spec: spec)
    }

    private static func parseAccessors(_ text: Substring, field: String) throws(TemplateError) -> [Accessor] {
        var accessors: [Accessor] = []
        var rest = text
        while let first = rest.first {
            rest.removeFirst()
            let end = rest.firstIndex { $0 == "." || $0 == "[" || $0 == "]" } ?? rest.endIndex
            let part = String(rest[..<end])
            rest = rest[end...]
            if first == "." {
                guard !part.isEmpty else { throw TemplateError(runtime: "empty attribute in format field '{\(field)}'") }
                accessors.append(.attribute(part))
            } else {
                guard first == "[", rest.first == "]" else { throw TemplateError(runtime: "missing ']' in format field '{\(field)}'") }
                rest.removeFirst()
                accessors.append(.item(Int(part).map(TemplateValue.int) ?? .string(part)))
            }
        }
        return accessors
    }

    /// `format.format(*positional, **keywords)`.
    func apply(_ arguments: TemplateArguments) throws(TemplateError) -> String {
        var result = ""
        var nextAutomatic = 0
        var sawManual = false
        for piece in pieces {
            switch piece {
            case .literal(let text):
                result += text
            case .field(let field):
                var value: TemplateValue
                switch field.name {
                case .automatic:
                    guard !sawManual else { throw TemplateError(runtime: "cannot switch from manual field numbering to automatic") }
                    value = try positional(arguments, nextAutomatic)
                    nextAutomatic += 1
                case .index(let index):
                    guard nextAutomatic == 0 else { throw TemplateError(runtime: "cannot switch from automatic field numbering to manual") }
                    sawManual = true
                    value = try positional(arguments, index)
                case .keyword(let name):
                    guard let keyword = arguments[keyword: name] else { throw TemplateError(runtime: "KeyError: '\(name)'") }
                    value = keyword
                }
                for accessor in field.accessors {
                    switch accessor {
                    case .attribute(let name): value = try MemberAccess.attribute(value, name)
                    case .item(let key): value = try MemberAccess.item(value, key)
                    }
                }
                switch field.conversion {
                case "r"?: value = .string(value.repr)
                case "a"?: value = .string(value.asciiRepr)
                case "s"?: value = .string(value.description)
                default: break
                }
                if let spec = field.spec {
                    result += try spec.apply(to: value)
                } else {
                    result += value.description
                }
            }
        }
        return result
    }

    private func positional(_ arguments: TemplateArguments, _ index: Int) throws(TemplateError) -> TemplateValue {
        guard index < arguments.positional.count else {
            throw TemplateError(runtime: "Replacement index \(index) out of range for positional args tuple")
        }
        return arguments.positional[index]
    }
}
