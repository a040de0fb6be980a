// GameState: what the server sends after every message — the whole board, so the
// page never has to reproduce the rules.
//
//     {"board": [[0,2,0,0],[0,0,0,0],[0,0,4,0],[0,0,0,0]], "score": 0,
//      "won": false, "over": false, "moved": true, "seed": 1234}

/// The JSON answer to a move or a new game.
struct GameState: Encodable, Sendable {
    /// Four rows of four tiles, top row first; 0 is empty.
    let board: [[Int]]
    /// Points so far.
    let score: Int
    /// A 2048 tile exists (play may go on).
    let won: Bool
    /// No move is possible any more.
    let over: Bool
    /// Whether the last message changed the board (false for a move into a wall).
    let moved: Bool
    /// The seed this game was dealt from: a new game with it deals the same tiles
    /// for the same moves.
    let seed: UInt64

    init(_ board: Game2048Board, moved: Bool, seed: UInt64) {
        self.board = board.rows
        score = board.score
        won = board.isWon
        over = board.isOver
        self.moved = moved
        self.seed = seed
    }
}

/// The JSON answer to a message that could not be used.
struct GameErrorReply: Encodable, Sendable {
    /// What was wrong.
    let error: String
}
