// TestServer: Tornado's AsyncHTTPTestCase for Swift Testing. It starts the loop
// on a background thread (once per process), serves an Application on a free
// loopback port, and fetches from it with a real socket.
//
//     @Test func hello() async throws {
//         let server = try TestServer(Application([URLSpec("/", MainHandler.self)]))
//         defer { server.stop() }
//         let response = try await server.fetch("/")
//         #expect(response.status == 200)
//     }
import Foundation
import SquallHTTP
import SquallIO
import SquallWeb

/// An application served on 127.0.0.1 at a free port for the duration of a test.
public final class TestServer: Sendable {
    /// The running HTTP server.
    public let server: HTTPServer
    /// The host the server listens on.
    public let host: String

    /// Serves `application` on a free port of `host` (default IPv4 loopback).
    ///
    /// - Throws: `IOError` when no socket can be bound.
    public init(_ application: Application, host: String = "127.0.0.1") throws {
        IOLoop.current.startInBackground()
        self.host = host
        server = try application.listen(port: 0, address: host)
    }

    /// The port the server listens on.
    public var port: Int { server.port }

    /// The URL of `path` on this server.
    public func url(_ path: String) -> String {
        host.contains(":") ? "http://[\(host)]:\(port)\(path)" : "http://\(host):\(port)\(path)"
    }

    /// Sends one request on a new connection and reads the response.
    ///
    /// - Parameters:
    ///   - path: the request target, e.g. `"/search?q=a"`.
    ///   - method: the method (default GET).
    ///   - headers: extra headers; Host, Content-Length and `Connection: close` are added.
    ///   - body: the request body.
    /// - Throws: `TestClientError` when the exchange fails.
    public func fetch(_ path: String, method: String = "GET", headers: [(String, String)] = [],
                      body: [UInt8] = []) async throws -> TestResponse {
        let host = self.host
        let port = self.port
        return try await offLoop {
            let socket = try BlockingSocket(host: host, port: port)
            var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) { request += "Content-Length: \(body.count)\r\n" }
            request += "\r\n"
            try socket.send(Array(request.utf8) + body)
            return try TestResponse.read(from: socket, forHEAD: method == "HEAD")
        }
    }

    /// Sends raw bytes on a new connection and returns everything the server sends
    /// back until it closes the connection.
    public func exchangeRaw(_ bytes: [UInt8]) async throws -> [UInt8] {
        let host = self.host
        let port = self.port
        return try await offLoop {
            let socket = try BlockingSocket(host: host, port: port)
            try socket.send(bytes)
            return try socket.receiveUntilClose()
        }
    }

    /// Opens a raw connection to the server.
    public func connect(timeout: Double = 30) throws -> BlockingSocket {
        try BlockingSocket(host: host, port: port, timeout: timeout)
    }

    /// Stops the server and closes its connections.
    public func stop() {
        let server = self.server
        IOLoop.current.addCallback { server.close() }
    }
}

/// Runs blocking client work on a thread of its own, so that neither the test's
/// cooperative threads nor Dispatch's (as few as there are cores) are blocked.
public func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
