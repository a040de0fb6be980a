// GameClient: a player of the Game2048 example for tests, over Squall's own
// WebSocket client. The server answers every message with exactly one JSON
// message, so each `send` returns the reply to it.
import Foundation
import Squall
import SquallTesting

/// One JSON message from the game server: a state, or an error.
struct GameReply: Decodable, Sendable {
    var board: [[Int]]?
    var score: Int?
    var won: Bool?
    var over: Bool?
    var moved: Bool?
    var seed: UInt64?
    var error: String?

    /// The 16 cells row by row, or [] for an error reply.
    var cells: [Int] { board?.flatMap { $0 } ?? [] }
    /// How many cells hold a tile.
    var tileCount: Int { cells.filter { $0 != 0 }.count }
}

/// A WebSocket connection to `/game`.
@IOLoopActor
final class GameClient {
    private let connection: WebSocketClientConnection
    /// The state sent when the connection opened.
    let initial: GameReply

    private init(connection: WebSocketClientConnection, initial: GameReply) {
        self.connection = connection
        self.initial = initial
    }

    /// Connects to the example on `port` and reads the new game it deals.
    static func connect(port: Int) async throws -> GameClient {
        let connection = try await websocketConnect("ws://127.0.0.1:\(port)/game")
        return GameClient(connection: connection, initial: try await read(connection))
    }

    /// Sends `text` and returns the server's reply.
    func send(_ text: String) async throws -> GameReply {
        try connection.writeMessage(text)
        return try await Self.read(connection)
    }

    /// Plays `direction` (0 up, 1 right, 2 down, 3 left).
    func move(_ direction: Int) async throws -> GameReply {
        try await send(#"{"move": \#(direction)}"#)
    }

    /// Sets up a position (the server must run with `--debug`).
    func setBoard(_ cells: [Int], score: Int = 0) async throws -> GameReply {
        try await send(#"{"debug_board": \#(cells), "score": \#(score)}"#)
    }

    /// Starts the closing handshake.
    func close() {
        connection.close()
    }

    private static func read(_ connection: WebSocketClientConnection) async throws -> GameReply {
        guard case .text(let text)? = await connection.readMessage() else {
            throw TestClientError("the game server closed the connection or sent binary data")
        }
        return try JSONDecoder().decode(GameReply.self, from: Data(text.utf8))
    }
}
