// The keyed container of `TemplateValueEncoder`: struct properties and
// string-keyed dictionaries become `TemplateDictionary` entries in the order
// they are encoded. `encodeIfPresent` is overridden so that a `nil` optional
// property is kept as `None` instead of vanishing (templates read
// `message.time` and test `is None`; a missing key would be an error).

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    var codingPath: [any CodingKey]

    private func put(_ child: EncodingNode.Child, _ key: Key) {
        node.keyed?.append((key.stringValue, child))
    }

    private func put(_ value: some TemplateValueConvertible, _ key: Key) {
        put(.value(value.templateValue), key)
    }

    mutating func encodeNil(forKey key: Key) { put(.value(.none), key) }
    mutating func encode(_ value: Bool, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: String, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { put(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try EncodingNode.box(value, codingPath: codingPath + [key]), key)
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) { put(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) { put(value, key) }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: child(for: key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: child(for: key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(named: EncodingKey.superKey)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key)
    }

    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let nested = EncodingNode()
        node.keyed?.append((key.stringValue, .node(nested)))
        return NodeEncoder(node: nested, codingPath: codingPath + [key])
    }

    private func child(for key: Key) -> EncodingNode {
        let nested = EncodingNode()
        put(.node(nested), key)
        return nested
    }
}
