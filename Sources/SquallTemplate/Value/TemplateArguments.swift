// TemplateArguments: the arguments of one template-side function call,
// Python-style: positional values followed by `name=value` keywords.

/// The arguments a template passed to a `TemplateFunction`.
public struct TemplateArguments: Sendable {
    /// One `name=value` argument.
    public typealias Keyword = (name: String, value: TemplateValue)

    /// Positional arguments in call order.
    public var positional: [TemplateValue]
    /// Keyword arguments in call order.
    public var keywords: [Keyword]

    /// Arguments for a call made from Swift.
    public init(_ positional: [TemplateValue] = [], keywords: [Keyword] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The value of a keyword argument, or `nil` when it was not passed.
    public subscript(keyword name: String) -> TemplateValue? {
        keywords.last { $0.name == name }?.value
    }

    /// Matches the arguments to `parameters` the way Python binds a call:
    /// positionals fill parameters in order, keywords by name.
    ///
    /// - Returns: one slot per parameter, `nil` where the caller passed nothing.
    /// - Throws: `TemplateError` (runtime) for too many positionals, unknown or
    ///   repeated keywords, or fewer than `required` leading parameters given.
    public func bind(function: String, parameters: [String], required: Int) throws(TemplateError) -> [TemplateValue?] {
        guard positional.count <= parameters.count else {
            throw TemplateError(runtime: "\(function)() takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") (\(positional.count) given)")
        }
        var slots = [TemplateValue?](repeating: nil, count: parameters.count)
        for (position, value) in positional.enumerated() { slots[position] = value }
        for keyword in keywords {
            guard let position = parameters.firstIndex(of: keyword.name) else {
                throw TemplateError(runtime: "\(function)() got an unexpected keyword argument '\(keyword.name)'")
            }
            guard slots[position] == nil else {
                throw TemplateError(runtime: "\(function)() got multiple values for argument '\(keyword.name)'")
            }
            slots[position] = keyword.value
        }
        if let missing = (0..<required).first(where: { slots[$0] == nil }) {
            throw TemplateError(runtime: "\(function)() missing required argument '\(parameters[missing])'")
        }
        return slots
    }
}
