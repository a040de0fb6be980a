// TemplateDictionary: Python's insertion-ordered dict for template values.
//
// Small dictionaries (the common case: a message, a user) are searched
// linearly, which beats hashing for a handful of keys; larger ones carry a
// hash index built once when they are created.

/// An insertion-ordered dictionary of template values.
///
/// String keys are also reachable as attributes (`message.body` as well as
/// `message["body"]`), like Tornado's `ObjectDict`. Copy-on-write value type.
public struct TemplateDictionary: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    /// One key/value pair, in insertion order.
    public typealias Element = (key: TemplateValue, value: TemplateValue)

    /// Above this many entries lookups go through a hash index.
    private static let linearSearchLimit = 8

    /// One stored entry. A struct rather than the public tuple: arrays of
    /// structs get compiled copy and destroy code, arrays of tuples go
    /// through the runtime's generic witnesses.
    struct Entry: Sendable {
        var key: TemplateValue
        var value: TemplateValue
    }

    /// How keys are found (and whether `entries` still needs sorting).
    private enum Lookup: Sendable {
        /// Linear search; `entries` is in presentation order.
        case linear
        /// Linear search; `entries` came from an unordered Swift dictionary
        /// and is presented sorted by key. Sorting waits until someone
        /// iterates: most renders only look keys up.
        case linearSortedOnRead
        /// A hash index from key to position.
        case hashed([TemplateValue: Int])
    }

    private var entries: [Entry]
    private var lookup: Lookup

    /// The entries in presentation order.
    private var orderedEntries: [Entry] {
        guard case .linearSortedOnRead = lookup else { return entries }
        return entries.sorted { ($0.key.stringValue ?? "") < ($1.key.stringValue ?? "") }
    }

    /// An empty dictionary.
    public init() {
        entries = []
        lookup = .linear
    }

    /// A dictionary of the given pairs in order; a repeated key keeps its first
    /// position and its last value, as in Python.
    public init(_ pairs: some Sequence<(TemplateValue, TemplateValue)>) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// A dictionary of entries whose keys the caller knows to be distinct
    /// (converted Swift dictionaries, encoded structs): no duplicate search.
    init(uniqueEntries: [Entry]) {
        entries = uniqueEntries
        lookup = .linear
        rebuildIndex()
    }

    /// A dictionary of a Swift dictionary's entries, sorted by key so that
    /// iteration order is deterministic (Swift dictionaries have no order).
    /// The keys must all be `.string`s.
    init(sortingStringKeys unsorted: [Entry]) {
        guard unsorted.count <= Self.linearSearchLimit else {
            self.init(uniqueEntries: unsorted.sorted { ($0.key.stringValue ?? "") < ($1.key.stringValue ?? "") })
            return
        }
        self.init(uniqueEntries: unsorted)
        if unsorted.count > 1 { lookup = .linearSortedOnRead }
    }

    /// A dictionary literal, e.g. `["id": 1, "body": "hi"]`.
    public init(dictionaryLiteral elements: (TemplateValue, TemplateValue)...) {
        self.init(elements)
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in insertion order.
    public var keys: [TemplateValue] { orderedEntries.map(\.key) }

    /// The values in insertion order.
    public var values: [TemplateValue] { orderedEntries.map(\.value) }

    /// Iterates the entries in insertion order.
    public func makeIterator() -> IndexingIterator<[Element]> {
        orderedEntries.map { ($0.key, $0.value) }.makeIterator()
    }

    /// The value for `key`, or `nil`; setting `nil` removes the entry.
    public subscript(key: TemplateValue) -> TemplateValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return entries[position].value
        }
        set {
            if case .linearSortedOnRead = lookup {
                // Fix the order before insertion order starts to matter.
                entries = orderedEntries
                lookup = .linear
            }
            if let position = position(of: key) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
                if case .hashed(var index) = lookup {
                    lookup = .linear
                    index[key] = entries.count - 1
                    lookup = .hashed(index)
                } else if entries.count > Self.linearSearchLimit {
                    rebuildIndex()
                }
            }
        }
    }

    /// The value for a string key, or `nil`. Faster than building a
    /// `TemplateValue` key for the common attribute-style lookup.
    public subscript(key: String) -> TemplateValue? {
        if case .hashed = lookup { return self[.string(key)] }
        for entry in entries {
            if case .string(let k) = entry.key, k == key { return entry.value }
        }
        return nil
    }

    /// Python `==`: the same keys mapping to equal values, in any order.
    public static func == (lhs: TemplateDictionary, rhs: TemplateDictionary) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    private func position(of key: TemplateValue) -> Int? {
        if case .hashed(let index) = lookup { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// Builds the hash index for large dictionaries (keeping a pending
    /// sort-on-read for small ones).
    private mutating func rebuildIndex() {
        guard entries.count > Self.linearSearchLimit else {
            if case .hashed = lookup { lookup = .linear }
            return
        }
        var built = [TemplateValue: Int](minimumCapacity: entries.count)
        for (position, entry) in entries.enumerated() { built[entry.key] = position }
        lookup = .hashed(built)
    }
}
