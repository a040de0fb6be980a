// Shared fixture for the static file tests: a unique temporary directory holding a
// `static` root (and siblings to escape to), and a server routing to it.
import Foundation
import Squall
import SquallTesting

/// A temporary directory `<tmp>/squall-static-<uuid>/` with the static root
/// `static/` inside it. Call `remove()` when done.
struct StaticFixture {
    /// The unique base directory.
    let base: String
    /// The static root, `base/static`.
    let root: String

    init() throws {
        base = FileManager.default.temporaryDirectory.path + "/squall-static-" + UUID().uuidString
        root = base + "/static"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `path` below the base (creating directories), optionally
    /// setting the modification time to `modified` (UNIX seconds).
    func write(_ path: String, _ bytes: [UInt8], modified: Int? = nil) throws {
        let full = base + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw TestClientError("cannot write \(full)")
        }
        if let modified {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(modified))],
                                                  ofItemAtPath: full)
        }
    }

    /// Writes UTF-8 text to `path` below the base.
    func write(_ path: String, _ text: String, modified: Int? = nil) throws {
        try write(path, Array(text.utf8), modified: modified)
    }

    /// Creates directory `path` below the base.
    func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: base + "/" + path, withIntermediateDirectories: true)
    }

    /// Creates a symlink at `path` (below the base) pointing to `destination` as given.
    func link(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: base + "/" + path, withDestinationPath: destination)
    }

    /// Settings with `staticPath` at the root.
    func settings(debug: Bool = false) -> ApplicationSettings {
        var settings = ApplicationSettings()
        settings.staticPath = root
        settings.debug = debug
        return settings
    }

    /// A server with the automatic static routes for `settings` (default:
    /// `settings(debug:)`), `/files/(.*)` serving the root with `index.html` as
    /// default file, `/url/(.*)` answering `staticURL`, and `/unrooted/(.*)` with no root.
    func server(debug: Bool = false, settings: ApplicationSettings? = nil) throws -> TestServer {
        let root = self.root
        let settings = settings ?? self.settings(debug: debug)
        let routes = StaticFileHandler.applicationRoutes(for: settings) + [
            URLSpec("/files/(.*)", StaticFileHandler.self, initialize: {
                $0.root = root
                $0.defaultFilename = "index.html"
            }),
            URLSpec("/url/(.*)", StaticURLHandler.self),
            URLSpec("/unrooted/(.*)", StaticFileHandler.self),
        ]
        return try TestServer(Application(routes, settings: settings))
    }

    /// Deletes the base directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: base)
    }
}

/// Runs `body` with a server (see `StaticFixture.server`) over a fresh fixture whose
/// files are `files` (path below the base → text), then stops it and cleans up.
func withStaticServer<T>(_ files: [String: String] = [:], modified: Int? = nil, debug: Bool = false,
                         _ body: (TestServer, StaticFixture) async throws -> T) async throws -> T {
    let fixture = try StaticFixture()
    defer { fixture.remove() }
    for (path, text) in files { try fixture.write(path, text, modified: modified) }
    let server = try fixture.server(debug: debug)
    defer { server.stop() }
    return try await body(server, fixture)
}

/// Writes `staticURL` of its path argument.
final class StaticURLHandler: RequestHandler {
    override func get() throws {
        write(staticURL(pathArgs[0] ?? ""))
    }
}

/// The version `staticURL` and the ETag use for `bytes`: 32 hex digits of SHA-256.
func expectedVersion(_ bytes: [UInt8]) -> String {
    String(Hex.encode(SHA256.hash(bytes)).prefix(32))
}

/// `count` deterministic pseudo-random bytes.
func pseudoRandomBytes(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}
