// GameMessage: what the page sends over the WebSocket, parsed strictly. Anything
// else gets an `{"error": …}` answer and the game goes on.
//
//     2                                       a move: 0 up, 1 right, 2 down, 3 left
//     {"move": 2}                             the same
//     {"new": true}                           a new game (random seed, or --seed)
//     {"new": true, "seed": 42}               a new game from a chosen seed
//     {"debug_board": [16 cells], "score": 0} only with --debug: set up a position
import Foundation

/// One message from the client.
enum GameMessage {
    case move(Game2048Board.Direction)
    case newGame(seed: UInt64?)
    case debugBoard(cells: [Int], score: Int)

    /// The JSON object form; every field optional (unknown ones are ignored).
    private struct Fields: Decodable {
        var move: Int?
        var new: Bool?
        var seed: UInt64?
        var debug_board: [Int]?
        var score: Int?
    }

    /// Parses `text`.
    ///
    /// - Throws: `GameMessageError` saying what is wrong, in words for the player.
    init(parsing text: String) throws(GameMessageError) {
        let data = Data(text.utf8)
        let decoder = JSONDecoder()
        if let number = try? decoder.decode(Int.self, from: data) {
            self = .move(try Self.direction(number))
            return
        }
        let fields: Fields
        do {
            fields = try decoder.decode(Fields.self, from: data)
        } catch {
            throw GameMessageError("expected a move 0–3 or a JSON object, got \(Self.excerpt(text))")
        }
        switch (fields.move, fields.new, fields.debug_board) {
        case (let move?, nil, nil):
            self = .move(try Self.direction(move))
        case (nil, true?, nil):
            self = .newGame(seed: fields.seed)
        case (nil, nil, let cells?):
            self = .debugBoard(cells: cells, score: fields.score ?? 0)
        default:
            throw GameMessageError("send exactly one of \"move\", \"new\": true or \"debug_board\"")
        }
    }

    private static func direction(_ number: Int) throws(GameMessageError) -> Game2048Board.Direction {
        guard let direction = Game2048Board.Direction(rawValue: number) else {
            throw GameMessageError("move must be 0 (up), 1 (right), 2 (down) or 3 (left), not \(number)")
        }
        return direction
    }

    /// The start of `text`, quoted, for error messages about large inputs.
    private static func excerpt(_ text: String) -> String {
        (text.count > 40 ? String(text.prefix(40)) + "…" : text).debugDescription
    }
}

/// A client message that cannot be understood; the text is sent back as `error`.
struct GameMessageError: Error, CustomStringConvertible {
    /// What was wrong, for the player.
    let description: String
    init(_ description: String) { self.description = description }
}
