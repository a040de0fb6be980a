// What `for x in value` iterates, as in Python: list and tuple items,
// dictionary keys, the characters (code points) of a string.

enum Iteration {
    /// The items of an iterable value.
    /// - Throws: `TemplateError` (runtime) for values that are not iterable.
    static func items(of value: TemplateValue) throws(TemplateError) -> [TemplateValue] {
        switch value {
        case .list(let items), .tuple(let items):
            return items
        case .dict(let dictionary):
            return dictionary.keys
        default:
            guard let text = value.stringValue else {
                throw TemplateError(runtime: "'\(value.typeName)' object is not iterable")
            }
            return text.unicodeScalars.map { .string(String($0)) }
        }
    }
}
