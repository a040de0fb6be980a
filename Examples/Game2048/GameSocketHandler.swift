// GameSocketHandler: one player's game over a WebSocket (`/game`). The handler
// keeps the game for as long as the connection lasts: a new connection is a new game.
import Squall

/// How games are dealt; the same for every connection.
struct GameOptions: Sendable {
    /// Deal every new game from this seed (reproducible games, tests); nil deals
    /// each game from a fresh random seed.
    let seed: UInt64?
    /// Accept `{"debug_board": …}` messages that set up any position.
    let allowsDebugBoards: Bool
}

/// `/game`: one player's game over a WebSocket. Every message from the client
/// is answered with exactly one JSON message: the new `GameState`, or
/// `{"error": "…"}` when the message could not be used (the game goes on).
final class GameSocketHandler: WebSocketHandler {
    /// Set by the route before the connection opens.
    var options: GameOptions!
    /// This connection's game, dealt when the connection opens.
    private lazy var session = GameSession(seed: seed(requested: nil))

    /// Sends the new game.
    override func open() throws {
        try writeMessage(json: session.state(moved: true))
    }

    /// Plays the message and sends the result.
    override func onMessage(_ text: String) throws {
        let message: GameMessage
        do {
            message = try GameMessage(parsing: text)
        } catch {
            try writeMessage(json: GameErrorReply(error: error.description))
            return
        }
        switch message {
        case .move(let direction):
            let moved = session.move(direction)
            try writeMessage(json: session.state(moved: moved))
        case .newGame(let requested):
            session = GameSession(seed: seed(requested: requested))
            try writeMessage(json: session.state(moved: true))
        case .debugBoard(let cells, let score):
            try setUpBoard(cells: cells, score: score)
        }
    }

    /// The seed of a new game: the one the client asked for, else `--seed`, else random.
    private func seed(requested: UInt64?) -> UInt64 {
        requested ?? options.seed ?? UInt64.random(in: .min ... .max)
    }

    /// The `debug_board` message: only with `--debug`, and only for boards that
    /// follow the rules.
    private func setUpBoard(cells: [Int], score: Int) throws {
        guard options.allowsDebugBoards else {
            try writeMessage(json: GameErrorReply(error: "debug_board needs the server to run with --debug"))
            return
        }
        do {
            session.setBoard(try Game2048Board(cells: cells, score: score))
        } catch {
            try writeMessage(json: GameErrorReply(error: error.description))
            return
        }
        try writeMessage(json: session.state(moved: true))
    }
}
