// Errors from compressing or decompressing: what went wrong, in words a
// person can act on, plus a machine-checkable kind.

/// A compression or decompression failure.
///
/// Compare `kind` to tell the cases apart; `message` explains the specific
/// failure (zlib's own message where it gave one).
public struct CompressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a `CompressionError`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidParameters = "invalid parameters"
            case corruptData = "corrupt data"
            case truncatedData = "truncated data"
            case outputLimitExceeded = "output limit exceeded"
            case outOfMemory = "out of memory"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A window size, level or memory level outside zlib's ranges.
        public static let invalidParameters = Kind(.invalidParameters)
        /// The input is not a valid stream of the expected format.
        public static let corruptData = Kind(.corruptData)
        /// The input stopped before the end of the stream (one-shot decoding).
        public static let truncatedData = Kind(.truncatedData)
        /// Decompressed output would exceed the caller's limit (for example a
        /// decompression bomb); decoding stopped at that point.
        public static let outputLimitExceeded = Kind(.outputLimitExceeded)
        /// zlib could not allocate its state.
        public static let outOfMemory = Kind(.outOfMemory)

        /// The kind in words, e.g. "corrupt data".
        public var description: String { base.rawValue }
    }

    /// What category of failure this is.
    public let kind: Kind
    /// A human-readable explanation of this failure.
    public let message: String

    /// Creates an error of `kind` explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// "<kind>: <message>".
    public var description: String { "\(kind): \(message)" }
}
