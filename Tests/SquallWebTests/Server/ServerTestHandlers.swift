// Handlers shared by the server tests.
import Foundation
import Squall
import SquallTesting

final class HelloHandler: RequestHandler {
    override func get() throws {
        try setHeader("Content-Type", "text/plain; charset=UTF-8")
        write("Hello, world")
    }
}

/// Echoes the body back with its length in a header.
final class EchoBodyHandler: RequestHandler {
    override func post() throws {
        try setHeader("X-Body-Length", String(request.body.count))
        try setHeader("Content-Type", "application/octet-stream")
        write(request.body)
    }

    override func put() throws { try post() }
}

/// Answers after an asynchronous pause, reporting whether it ran on the loop thread.
final class SlowHandler: RequestHandler {
    override func get() async throws {
        let delay = Double(request.query.split(separator: "=").last.map(String.init) ?? "") ?? 0.2
        try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
        write("slow done on loop: \(IOLoop.current.isOnLoopThread)")
    }
}

/// Streams three chunks with flushes.
final class StreamingHandler: RequestHandler {
    override func get() async throws {
        for index in 1...3 {
            write("part \(index);")
            try await flush()
        }
    }
}

/// Throws the error named in the path.
final class FailingHandler: RequestHandler {
    struct Boom: Error {}
    override func get() throws {
        switch pathArgs[0] {
        case "http": throw HTTPError(418, "teapot for tests")
        case "injection": try setHeader("X-Evil", "a\r\nSet-Cookie: stolen=1")
        default: throw Boom()
        }
    }
}

/// Reports its path arguments as JSON.
final class ArgsHandler: RequestHandler {
    struct Captured: Codable, Equatable {
        var positional: [String?]
        var named: [String: String]
    }
    override func get() throws {
        try write(Captured(positional: pathArgs.positional, named: pathArgs.named))
    }
}

/// Redirects to "/".
final class RedirectingHandler: RequestHandler {
    override func get() throws { try redirect("/", permanent: pathArgs[0] == "permanent") }
}

func makeTestApplication(settings: ApplicationSettings = ApplicationSettings()) throws -> Application {
    try Application([
        URLSpec("/", HelloHandler.self),
        URLSpec("/echo", EchoBodyHandler.self),
        URLSpec("/slow", SlowHandler.self),
        URLSpec("/stream", StreamingHandler.self),
        URLSpec("/fail/(.*)", FailingHandler.self),
        URLSpec(#"/args/([a-z]+)/([0-9]+)"#, ArgsHandler.self, name: "args"),
        URLSpec(#"/named/(?P<user>[^/]+)/(?P<tab>\w+)"#, ArgsHandler.self),
        URLSpec("/redirect/(.*)", RedirectingHandler.self),
    ], settings: settings)
}

/// Sends `request` on a new connection and returns everything until the server closes.
func rawExchange(_ server: TestServer, _ request: String) async throws -> String {
    String(decoding: try await server.exchangeRaw(Array(request.utf8)), as: UTF8.self)
}
