// The unkeyed and single-value containers of `TemplateValueEncoder`: arrays
// become lists, single values (enums with raw values, wrappers) become the
// value itself. Both share the primitive `encode` overloads below.

/// Storage shared by the unkeyed and single-value containers.
protocol NodeValueStoring {
    var codingPath: [any CodingKey] { get }
    func store(_ child: EncodingNode.Child)
}

extension NodeValueStoring {
    private func store(_ value: some TemplateValueConvertible) {
        store(.value(value.templateValue))
    }

    mutating func encodeNil() { store(.value(.none)) }
    mutating func encode(_ value: Bool) { store(value) }
    mutating func encode(_ value: String) { store(value) }
    mutating func encode(_ value: Double) { store(value) }
    mutating func encode(_ value: Float) { store(value) }
    mutating func encode(_ value: Int) { store(value) }
    mutating func encode(_ value: Int8) { store(value) }
    mutating func encode(_ value: Int16) { store(value) }
    mutating func encode(_ value: Int32) { store(value) }
    mutating func encode(_ value: Int64) { store(value) }
    mutating func encode(_ value: UInt) { store(value) }
    mutating func encode(_ value: UInt8) { store(value) }
    mutating func encode(_ value: UInt16) { store(value) }
    mutating func encode(_ value: UInt32) { store(value) }
    mutating func encode(_ value: UInt64) { store(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        store(try EncodingNode.box(value, codingPath: codingPath))
    }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer, NodeValueStoring {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    var count: Int { node.unkeyed?.count ?? 0 }

    func store(_ child: EncodingNode.Child) {
        node.unkeyed?.append(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nestedEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nestedEncoder()
    }

    private func nestedEncoder() -> NodeEncoder {
        let nested = EncodingNode()
        let key = EncodingKey(intValue: count)
        store(.node(nested))
        return NodeEncoder(node: nested, codingPath: codingPath + [key])
    }
}

struct SingleNodeContainer: SingleValueEncodingContainer, NodeValueStoring {
    let node: EncodingNode
    var codingPath: [any CodingKey]

    func store(_ child: EncodingNode.Child) {
        node.single = child.result
    }
}
