// Signed cookies through a handler: round trip, tampering, expiry, key
// rotation and a missing secret.
import Foundation
import SquallCore
import SquallHTTP
import SquallTesting
import SquallWeb
import Testing

@Suite("RequestHandler signed cookies")
struct SignedCookieHandlerTests {
    /// The `name=value` part of the first Set-Cookie line.
    private func cookiePair(_ response: TestResponse) throws -> String {
        String(try #require(response.setCookies.first).prefix { $0 != ";" })
    }

    private func read(_ server: TestServer, cookie: String, query: String = "") async throws -> String {
        try await server.fetch("/signed\(query)", headers: [("Cookie", cookie)]).text
    }

    @Test func roundTripsThroughTheBrowser() async throws {
        try await Toolkit.withServer { server async throws in
            let set = try await server.fetch("/signed?set=ada%20lovelace")
            let header = try #require(set.setCookies.first)
            #expect(header.hasPrefix("user=2|1:0|10:"))
            #expect(header.contains("; expires="), "30-day expiry by default")
            #expect(try await read(server, cookie: try cookiePair(set)) == "ada lovelace")
        }
    }

    @Test func anyBytesRoundTripButOnlyUTF8ReadsAsText() async throws {
        try await Toolkit.withServer { server async throws in
            let set = try await server.fetch("/signed/bytes")
            let header = try #require(set.setCookies.first)
            #expect(!header.contains("expires="), "expiresDays: nil makes a session cookie")
            let read = try await server.fetch("/signed/bytes", headers: [("Cookie", try cookiePair(set))])
            #expect(read.text == "\(SignedBytesHandler.blob) nil")
        }
    }

    @Test func aTamperedCookieReadsAsNil() async throws {
        try await Toolkit.withServer { server async throws in
            let pair = try cookiePair(try await server.fetch("/signed?set=ada"))
            // `user=2|1:0|10:<timestamp>|4:user|4:YWRh|<64 hex digits>`: flip the low bit
            // of a timestamp digit, a payload character and a signature digit.
            for offset in [15, pair.count - 68, pair.count - 3] {
                var bytes = Array(pair.utf8)
                bytes[offset] ^= 1
                #expect(try await read(server, cookie: String(decoding: bytes, as: UTF8.self)) == "nil", "offset \(offset)")
            }
            #expect(try await read(server, cookie: "user=ada") == "nil")
            #expect(try await read(server, cookie: "other=1") == "nil")
        }
    }

    @Test func aCookieSignedForAnotherNameOrSecretReadsAsNil() async throws {
        try await Toolkit.withServer { server async throws in
            let secret = try CookieSecret(Toolkit.secretText)
            let renamed = SignedValue.create(secret: secret, name: "admin", value: "ada")
            #expect(try await read(server, cookie: "user=\"\(renamed)\"") == "nil")
            let foreign = SignedValue.create(secret: try CookieSecret("another secret"), name: "user", value: "ada")
            #expect(try await read(server, cookie: "user=\"\(foreign)\"") == "nil")
        }
    }

    @Test func expiryFollowsMaxAgeDays() async throws {
        try await Toolkit.withServer { server async throws in
            let secret = try CookieSecret(Toolkit.secretText)
            let tenDaysAgo = Date(timeIntervalSinceNow: -10 * 86_400)
            let old = "user=\"\(SignedValue.create(secret: secret, name: "user", value: "ada", now: tenDaysAgo))\""
            #expect(try await read(server, cookie: old) == "ada")
            #expect(try await read(server, cookie: old, query: "?maxAgeDays=9.5") == "nil")
            #expect(try await read(server, cookie: old, query: "?maxAgeDays=11") == "ada")
            let ancient = Date(timeIntervalSinceNow: -32 * 86_400)
            let expired = "user=\"\(SignedValue.create(secret: secret, name: "user", value: "ada", now: ancient))\""
            #expect(try await read(server, cookie: expired) == "nil")
        }
    }

    @Test func keyRotationKeepsOldCookiesValid() async throws {
        let old = try CookieSecret(keys: [1: "first key"], current: 1)
        let signedWithOld = "user=\"\(SignedValue.create(secret: old, name: "user", value: "ada"))\""
        try await Toolkit.withServer({ $0.cookieSecret = try CookieSecret(keys: [1: "first key", 2: "second key"], current: 2) }) { server async throws in
            #expect(try await read(server, cookie: signedWithOld) == "ada")
            let fresh = try await server.fetch("/signed?set=bob")
            #expect(try #require(fresh.setCookies.first).hasPrefix("user=2|1:2|"))
            #expect(try await read(server, cookie: try cookiePair(fresh)) == "bob")
        }
        try await Toolkit.withServer({ $0.cookieSecret = try CookieSecret(keys: [2: "second key"], current: 2) }) { server async throws in
            #expect(try await read(server, cookie: signedWithOld) == "nil", "retired key 1 no longer verifies")
        }
    }

    @Test func aMissingSecretIsAServerError() async throws {
        try await Toolkit.withServer({ $0.cookieSecret = nil }) { server async throws in
            for path in ["/signed?set=ada", "/signed"] {
                let response = try await server.fetch(path)
                #expect(response.status == 500)
                #expect(response.text.contains("cookieSecret must be set to use signed cookies"))
            }
        }
    }
}
