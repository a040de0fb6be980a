// Binding: port 0, several sockets, address in use, IPv4 and IPv6.
import Foundation
import SquallIO
import Testing

@Suite("Listening sockets")
struct ListeningSocketTests {
    @Test func portZeroPicksOnePortForEveryFamily() throws {
        let sockets = try ListeningSocket.bind(port: 0, address: nil)
        defer { for socket in sockets { close(socket.fd) } }
        #expect(!sockets.isEmpty)
        let ports = Set(sockets.map(\.address.port))
        #expect(ports.count == 1)
        #expect(ports.first! > 0)
    }

    @Test func bindingAPortInUseFailsWithEADDRINUSE() throws {
        let first = try ListeningSocket.bind(port: 0, address: "127.0.0.1")
        defer { for socket in first { close(socket.fd) } }
        #expect(throws: IOError.self) {
            try ListeningSocket.bind(port: first[0].address.port, address: "127.0.0.1")
        }
        do {
            _ = try ListeningSocket.bind(port: first[0].address.port, address: "127.0.0.1")
        } catch {
            #expect(error.errno == EADDRINUSE)
            #expect(error.description.contains("bind"))
        }
    }

    @Test func reusePortLetsTwoSocketsShareAPort() throws {
        let first = try ListeningSocket.bind(port: 0, address: "127.0.0.1", reusePort: true)
        defer { for socket in first { close(socket.fd) } }
        let second = try ListeningSocket.bind(port: first[0].address.port, address: "127.0.0.1", reusePort: true)
        defer { for socket in second { close(socket.fd) } }
        #expect(second[0].address.port == first[0].address.port)
    }

    @Test func resolvesIPv6Loopback() throws {
        let addresses = try SocketAddress.resolve(host: "::1", port: 80, passive: false)
        #expect(addresses.first?.isIPv6 == true)
        #expect(addresses.first?.description == "[::1]:80")
    }
}
