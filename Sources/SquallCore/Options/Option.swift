// A defined command-line option's typed handle: `define` returns one, and after
// `parse` its `value` is what the command line said (or the default).

import Synchronization

/// A typed, thread-safe handle to one defined option.
///
/// Read `value` after parsing; until then it is `defaultValue`. Reads and writes are
/// guarded by a lock, so handles may be shared across threads.
public final class Option<Value: Sendable>: Sendable {
    /// The option's command-line name (underscores shown as dashes), e.g. `"max-size"`.
    public let name: String
    /// The value before any parse or assignment.
    public let defaultValue: Value
    private let storage: Mutex<Value>

    init(name: String, defaultValue: Value) {
        self.name = name
        self.defaultValue = defaultValue
        self.storage = Mutex(defaultValue)
    }

    /// The current value: the last one parsed or assigned, else `defaultValue`.
    /// Assigning overrides it programmatically (like `options.port = 9000` in Tornado).
    public var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
