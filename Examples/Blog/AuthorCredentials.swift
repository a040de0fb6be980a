// AuthorCredentials: the one account allowed to write (the demo's `authors`
// table, reduced to one name and password given on the command line).
import Squall

/// The author's name and password.
struct AuthorCredentials: Sendable {
    /// The login name, shown on the entries' pages when logged in.
    let name: String
    private let passwordDigest: [UInt8]

    /// Credentials for `name` with `password`; only its SHA-256 is kept.
    init(name: String, password: String) {
        self.name = name
        passwordDigest = SHA256.hash(password.utf8)
    }

    /// True when `name` and `password` are the author's. The passwords are
    /// compared as SHA-256 digests in constant time, so neither the time taken nor
    /// the password's length tells an attacker how close a guess was.
    func accepts(name: String, password: String) -> Bool {
        let samePassword = ConstantTime.equals(SHA256.hash(password.utf8), passwordDigest)
        return samePassword && name == self.name
    }

    /// A random 12-character password from an unambiguous alphabet, for when the
    /// command line gives none.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
