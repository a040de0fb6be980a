// TemplateValueEncoder: turns any `Encodable` value into a `TemplateValue`, so
// a plain `struct Message: Encodable` can be passed to a template and read as
// `message.body` or `message["body"]`.
//
// Properties keep their declaration order (the order synthesized `encode(to:)`
// writes them), `nil` optionals stay visible as `None`, `Date`s stay dates,
// and members that are `TemplateValueConvertible` (e.g. `SafeHTML`) keep their
// own representation.
import FoundationEssentials

/// Converts `Encodable` values into template values.
public struct TemplateValueEncoder: Sendable {
    /// A converter; it holds no state.
    public init() {}

    /// The template representation of `value`.
    ///
    /// - Throws: `TemplateError` (runtime) when the value's `encode(to:)` throws.
    public func encode(_ value: some Encodable) throws(TemplateError) -> TemplateValue {
        do {
            return try EncodingNode.box(value, codingPath: []).result
        } catch {
            throw TemplateError(runtime: "cannot convert \(type(of: value)) to a template value: \(error)")
        }
    }
}

/// A container being filled by an `Encodable` value; resolved into a
/// `TemplateValue` once encoding finishes.
final class EncodingNode {
    /// What one key or element holds: a finished value, or a nested container
    /// that may still be written to.
    enum Child {
        case value(TemplateValue)
        case node(EncodingNode)

        var result: TemplateValue {
            switch self {
            case .value(let value): return value
            case .node(let node): return node.result
            }
        }
    }

    var single: TemplateValue?
    var keyed: [(key: String, child: Child)]?
    var unkeyed: [Child]?

    var result: TemplateValue {
        if let keyed {
            return .dict(TemplateDictionary(keyed.map { (TemplateValue.string($0.key), $0.child.result) }))
        }
        if let unkeyed { return .list(unkeyed.map(\.result)) }
        return single ?? .none
    }

    /// Converts one encodable value, short-circuiting the types templates
    /// understand natively.
    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Child {
        if let date = value as? Date { return .value(.date(date)) }
        if let url = value as? URL { return .value(.string(url.absoluteString)) }
        if let convertible = value as? any TemplateValueConvertible { return .value(convertible.templateValue) }
        let node = EncodingNode()
        if let dictionary = value as? [String: any Encodable] {
            // Swift dictionaries are unordered; sorted keys keep output stable.
            var entries: [(key: String, child: Child)] = []
            for (key, item) in dictionary.sorted(by: { $0.key < $1.key }) {
                entries.append((key, try boxExistential(item, codingPath: codingPath + [EncodingKey(key)])))
            }
            node.keyed = entries
            return .node(node)
        }
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        if node.keyed == nil, node.unkeyed == nil, let single = node.single { return .value(single) }
        return .node(node)
    }
}

extension EncodingNode {
    /// Opens an existential so that `box` sees the concrete type.
    static func boxExistential(_ value: any Encodable, codingPath: [any CodingKey]) throws -> Child {
        try box(value, codingPath: codingPath)
    }
}

/// A coding key built from a string or an index.
struct EncodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init?(stringValue: String) {
        self.init(stringValue)
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    static let superKey = EncodingKey("super")
}

/// The `Encoder` handed to `encode(to:)`; it writes into one `EncodingNode`.
struct NodeEncoder: Encoder {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.keyed == nil { node.keyed = [] }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.unkeyed == nil { node.unkeyed = [] }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}
