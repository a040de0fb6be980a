// GameSession: one player's game — the board and the random numbers that deal
// its tiles. Each connection has its own, dealt from its own seed, so games are
// independent and any game can be replayed from its seed and moves.

/// A board together with the generator that deals its new tiles.
struct GameSession: Sendable {
    /// The seed the game was started from (sent to the client with every board).
    let seed: UInt64
    /// The current position.
    private(set) var board: Game2048Board
    private var generator: SeededGenerator

    /// A new game dealt from `seed`: the same seed deals the same two first tiles,
    /// and the same tiles after the same moves.
    init(seed: UInt64) {
        self.seed = seed
        generator = SeededGenerator(seed: seed)
        board = Game2048Board.newGame(using: &generator)
    }

    /// Plays `direction`; returns whether the board changed (see `Game2048Board.move`).
    mutating func move(_ direction: Game2048Board.Direction) -> Bool {
        board.move(direction, using: &generator)
    }

    /// Replaces the position (the `debug_board` message); later tiles keep coming
    /// from this game's generator.
    mutating func setBoard(_ board: Game2048Board) {
        self.board = board
    }

    /// What the client is sent: the board, score, flags and seed.
    func state(moved: Bool) -> GameState {
        GameState(board, moved: moved, seed: seed)
    }
}
