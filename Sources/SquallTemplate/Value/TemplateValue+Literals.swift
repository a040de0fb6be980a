// Literal conformances, so Swift code can build values tersely:
// `let args: [String: TemplateValue] = ["title": "Home", "count": 3, "tags": ["a", "b"]]`.

extension TemplateValue: ExpressibleByStringLiteral {
    /// `.string(value)`.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// `.int(value)`.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    /// `.double(value)`.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// `.bool(value)`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// `.none`.
    public init(nilLiteral: ()) {
        self = .none
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// `.list(elements)`.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// `.dict` of the pairs in literal order.
    public init(dictionaryLiteral elements: (TemplateValue, TemplateValue)...) {
        self = .dict(TemplateDictionary(elements))
    }
}
