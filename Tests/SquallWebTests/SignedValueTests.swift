// Signed values: byte-identical output with Tornado, Tornado's verdicts on
// tampered and malformed input, key rotation, expiry and typed errors.

import Foundation
import Testing
import SquallCore
@testable import SquallWeb

@Suite struct SignedValueTests {
    private let now = Date(timeIntervalSince1970: tornadoClock)
    private let secret = try! CookieSecret("secret")

    private func failure(_ body: () throws(SignedValueError) -> [UInt8]) -> SignedValueError? {
        do { _ = try body(); return nil } catch { return error }
    }

    private func decode(_ value: String, name: String = "dummy", maxAgeDays: Double = 31) throws(SignedValueError) -> [UInt8] {
        try SignedValue.decode(secret: secret, name: name, value: value, maxAgeDays: maxAgeDays, now: now)
    }

    @Test func createIsByteIdenticalToTornado() throws {
        let rotating = try CookieSecret(keys: tornadoKeys, current: 1)
        for vector in tornadoSignedValues {
            let key = try vector.secret.map { s throws(SignedValueError) in try CookieSecret(s) }
                ?? CookieSecret(keys: tornadoKeys, current: vector.keyVersion!)
            #expect(SignedValue.create(secret: key, name: vector.name, value: vector.value, now: now) == vector.signed)
            let verifier = vector.secret == nil ? rotating : key
            #expect(try SignedValue.decode(secret: verifier, name: vector.name, value: vector.signed, now: now) == vector.value)
        }
    }

    @Test func fractionalClockIsTruncatedLikePython() {
        let value = SignedValue.create(secret: secret, name: "dummy", value: "test", now: Date(timeIntervalSince1970: tornadoClock + 0.999))
        #expect(value == tornadoSignedValues[0].signed)
    }

    /// Inputs where Squall deliberately differs from Tornado: version 2 in
    /// Tornado accepts any future timestamp; Squall refuses > 31 days ahead.
    private let futureDated: Set<String> = ["1237246291", "1999999999"]

    @Test func agreesWithTornadoOnEveryJudgedInput() {
        for vector in tornadoDecodeVerdicts {
            if futureDated.contains(where: { vector.input.contains("10:\($0)|") }) {
                #expect(vector.payload != nil, "Tornado accepts \(vector.input)")
                #expect(failure { () throws(SignedValueError) in try decode(vector.input) } == .futureTimestamp, "\(vector.input)")
            } else {
                #expect((try? decode(vector.input)) == vector.payload, "\(vector.input)")
            }
        }
    }

    @Test func keyRotationAcceptsOlderVersionsOnly() throws {
        let rotating = try CookieSecret(keys: tornadoKeys, current: 1)
        for vector in tornadoRotationVerdicts {
            let payload = try? SignedValue.decode(secret: rotating, name: "dummy", value: vector.input, now: now)
            #expect(payload == vector.payload, "\(vector.input)")
        }
        #expect(failure { () throws(SignedValueError) in
            try SignedValue.decode(secret: rotating, name: "dummy", value: tornadoRotationVerdicts[2].input, now: now)
        } == .unknownKeyVersion)
        let fresh = SignedValue.create(secret: rotating, name: "dummy", value: "x", now: now)
        #expect(SignedValue.keyVersion(of: fresh) == 1)
        #expect(SignedValue.keyVersion(of: tornadoRotationVerdicts[1].input) == 7)
        #expect(SignedValue.keyVersion(of: "garbage") == nil)
    }

    @Test func singleKeyIgnoresWrittenKeyVersion() throws {
        let rotated = SignedValue.create(secret: try CookieSecret(keys: [5: "secret"], current: 5), name: "dummy", value: "t", now: now)
        #expect(try decode(rotated) == Array("t".utf8))
    }

    @Test func reportsWhichCheckFailed() {
        let good = tornadoSignedValues[0].signed
        let tampered = String(good.dropLast()) + "0"
        #expect(failure { () throws(SignedValueError) in try decode(tampered) } == .badSignature)
        #expect(failure { () throws(SignedValueError) in try decode(good, name: "admin") } == .wrongName)
        #expect(failure { () throws(SignedValueError) in try decode("1" + good.dropFirst()) } == .unsupportedVersion)
        #expect(failure { () throws(SignedValueError) in try decode("dGVzdA==|1234567890|abcdef") } == .unsupportedVersion)
        #expect(failure { () throws(SignedValueError) in try decode("2|1:0|10:123") } == .malformed)
        #expect(failure { () throws(SignedValueError) in try decode(good, maxAgeDays: 0.5) } == nil)
        let later = Date(timeIntervalSince1970: tornadoClock + 86_400)
        #expect(failure { () throws(SignedValueError) in
            try SignedValue.decode(secret: secret, name: "dummy", value: good, maxAgeDays: 0.5, now: later)
        } == .expired)
        let invalidBase64 = SignedValue.create(secret: secret, name: "dummy", value: "t", now: now)
            .replacingOccurrences(of: "4:dA==", with: "4:dA=A")
        #expect(failure { () throws(SignedValueError) in try decode(invalidBase64) } == .badSignature)
    }

    @Test func invalidBase64UnderAValidSignatureIsMalformed() throws {
        let body = "2|1:0|10:1234567890|5:dummy|4:dA=A|"
        let signature = Hex.encode(HMAC<SHA256>.authenticationCode(key: Array("secret".utf8), message: Array(body.utf8)))
        #expect(failure { () throws(SignedValueError) in try decode(body + signature) } == .malformed)
    }

    @Test func hostileLengthsNeverCrash() {
        let inputs = [
            "2|1:0|10:1234567890|5:dummy|9999999999:x|", "2|1:0|10:1234567890|5:dummy|4:ab", "2|1:0|10:1234567890|5:dummy|3:abc",
            "2|0:|0:|0:|0:|", "2|:|", "2|1:0|1", "2|1:0|10:1234567890|5:dummy|8:dGVzdA==", "2|-1:0|", "2|1:0|10:1234567890|6:dummy|",
        ]
        for input in inputs {
            #expect(failure { () throws(SignedValueError) in try decode(input) } != nil, "\(input)")
        }
    }

    @Test func errorsExplainThemselves() {
        #expect(SignedValueError.badSignature.description.contains("signature is invalid"))
        #expect(SignedValueError.expired != .futureTimestamp)
    }

    @Test func secretValidation() {
        #expect(throws: SignedValueError.invalidSecret) { try CookieSecret("") }
        #expect(throws: SignedValueError.invalidSecret) { try CookieSecret(keys: [1: "a"], current: 2) }
        #expect(throws: SignedValueError.invalidSecret) { try CookieSecret(keys: [1: "a", 2: ""], current: 1) }
        #expect(throws: SignedValueError.invalidSecret) { try CookieSecret(keys: [-1: "a", 2: "b"], current: 2) }
        #expect(throws: Never.self) { try CookieSecret(keys: [1: "a", 2: "b"], current: 2) }
    }
}
