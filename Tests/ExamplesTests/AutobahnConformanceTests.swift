// The Autobahn|Testsuite (`wstest -m fuzzingclient`, the industry-standard WebSocket
// conformance suite) against the EchoServer example's /echo, as a real client over
// loopback: every case of categories 1–7, 9, 10, 12 and 13 (517 cases, compression
// included) must end OK, strictly. The suite's own verdicts are read from the
// index.json it writes; nothing here judges a case.
//
// wstest runs on Python 2.7; `.ci/install-autobahn` installs it into
// .build-autobahn/py2. The test runs when wstest is there, and must run when
// SQUALL_AUTOBAHN_WSTEST names it (.ci/run sets it, so CI cannot skip it).
// The suite takes about 12 minutes: most of it is zlib at both ends of the
// compression cases.
import Foundation
import SquallTesting
import Testing

@Suite("Autobahn conformance")
struct AutobahnConformanceTests {
    /// Cases the suite reports INFORMATIONAL for every implementation: what happens
    /// after a close (7.1.6) and close codes beyond 4999 (7.13.x) are not specified.
    static let informationalCases: Set<String> = ["7.1.6", "7.13.1", "7.13.2"]

    /// How many cases wstest 0.8.2 runs per category, categories 8 and 11 excluded
    /// (the suite has none in 8; 11 does not exist).
    static let casesPerCategory = ["1": 16, "2": 11, "3": 7, "4": 10, "5": 20, "6": 145, "7": 37,
                                   "9": 54, "10": 1, "12": 90, "13": 126]

    @Test(.enabled(if: Wstest.executable != nil, "wstest is not installed: run .ci/install-autobahn"),
          .timeLimit(.minutes(60)))
    func everyCaseBehavesOK() async throws {
        let wstest = try #require(Wstest.executable)
        let server = try await ExampleServer.start("EchoServer")
        defer { server.stop() }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autobahn-\(UUID().uuidString)")
        let results = try await Wstest.runFuzzingClient(wstest, url: "ws://127.0.0.1:\(server.port)/echo", in: directory)
        #expect(server.isRunning, "EchoServer died during the suite; its log is \(server.logFile.path)")

        let perCategory = Dictionary(grouping: results.keys) { String($0.prefix { $0 != "." }) }.mapValues(\.count)
        #expect(perCategory == Self.casesPerCategory)

        var failures: [String] = []
        for (id, result) in results.sorted(by: { $0.key.compare($1.key, options: .numeric) == .orderedAscending }) {
            let allowed: Set<String> = Self.informationalCases.contains(id) ? ["INFORMATIONAL"] : ["OK"]
            if !allowed.contains(result.behavior) || !allowed.contains(result.behaviorClose) {
                failures.append("\(id): \(result.behavior) / close \(result.behaviorClose) (report \(directory.path)/\(result.reportfile))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) cases not OK:\n\(failures.joined(separator: "\n"))")
        if failures.isEmpty { try? FileManager.default.removeItem(at: directory) }
    }
}

/// The installed `wstest` and how to run its fuzzing client.
enum Wstest {
    /// One case's verdict in the suite's index.json.
    struct CaseResult: Decodable {
        let behavior: String
        let behaviorClose: String
        let reportfile: String
    }

    /// The wstest to run: `SQUALL_AUTOBAHN_WSTEST` if set (even when it does not
    /// exist, so the test fails rather than skips), else .build-autobahn/py2/bin/wstest
    /// in the package if installed, else nil.
    static var executable: URL? {
        if let named = ProcessInfo.processInfo.environment["SQUALL_AUTOBAHN_WSTEST"] {
            return URL(fileURLWithPath: named)
        }
        let installed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build-autobahn/py2/bin/wstest")
        return FileManager.default.isExecutableFile(atPath: installed.path) ? installed : nil
    }

    /// Runs every case against `url`, writing the spec, wstest's log and the reports
    /// into `directory`, and returns the verdicts by case id ("1.1.1" …).
    ///
    /// - Throws: when wstest cannot start, exits with a failure, or writes no index.
    static func runFuzzingClient(_ wstest: URL, url: String, in directory: URL) async throws -> [String: CaseResult] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let spec: [String: Any] = [
            "outdir": directory.appendingPathComponent("reports").path,
            "servers": [["agent": "Squall", "url": url]],
            "cases": ["*"],
            "exclude-cases": ["8.*", "11.*"],
            "exclude-agent-cases": [String: Any](),
        ]
        let specFile = directory.appendingPathComponent("fuzzingclient.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: specFile)
        let logFile = directory.appendingPathComponent("wstest.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)

        let process = Process()
        process.executableURL = wstest
        process.arguments = ["-m", "fuzzingclient", "-s", specFile.path]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONWARNINGS": "ignore"]) { $1 }
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        // terminationHandler rather than waitUntilExit, which polls a run loop and
        // would keep a core busy for the whole suite.
        let status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard status == 0 else {
            throw TestClientError("wstest exited with status \(status); its log is \(logFile.path)")
        }
        let index = directory.appendingPathComponent("reports/index.json")
        let agents = try JSONDecoder().decode([String: [String: CaseResult]].self, from: Data(contentsOf: index))
        return try #require(agents["Squall"])
    }
}
