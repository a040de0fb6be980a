// Typed-throws access to an array's bytes. `Array.withUnsafeBytes` only
// rethrows untyped errors, which would erase `CompressionError` to
// `any Error` in the `[UInt8]` conveniences.

extension Array where Element == UInt8 {
    /// Calls `body` with the array's bytes, keeping the typed error.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws(CompressionError) -> Result) throws(CompressionError) -> Result {
        let outcome: Swift.Result<Result, CompressionError> = withUnsafeBytes { bytes in
            Swift.Result { () throws(CompressionError) in try body(bytes) }
        }
        return try outcome.get()
    }
}
