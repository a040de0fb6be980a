// MultipartBody: a `multipart/form-data` request body (RFC 7578) built by hand,
// byte for byte, so tests can send exactly what a browser would — or what an
// attacker would, such as a filename full of `../`.
import Foundation

/// A multipart/form-data body under construction.
struct MultipartBody {
    /// The boundary; chosen so that no test content contains it.
    let boundary = "----SquallTestBoundary7MA4YWxkTrZu0gW"
    private(set) var bytes: [UInt8] = []

    /// The Content-Type header value for this body.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a plain field.
    mutating func add(field name: String, _ value: String) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n")
        bytes += Array(value.utf8)
        append("\r\n")
    }

    /// Adds a file part with the client-side `filename` sent as given.
    mutating func add(file name: String, filename: String, contentType: String = "application/octet-stream",
                      content: [UInt8]) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n")
        append("Content-Type: \(contentType)\r\n\r\n")
        bytes += content
        append("\r\n")
    }

    /// The complete body, closing delimiter included.
    var finished: [UInt8] { bytes + Array("--\(boundary)--\r\n".utf8) }

    private mutating func append(_ text: String) {
        bytes += Array(text.utf8)
    }
}
