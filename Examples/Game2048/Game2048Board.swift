// Game2048Board: the rules of 2048, with no IO — the server keeps one board per
// player and the page only draws what it is sent.
//
// Rules: a move slides every tile as far as it goes towards one edge; two equal
// tiles that meet merge into one of twice the value, which is added to the score;
// a tile merges at most once per move, and the pair nearest the edge merges first
// ([2 2 2 2] ← gives [4 4 0 0], [4 2 2 0] ← gives [4 4 0 0]). After a move that
// changed the board, a 2 (nine times in ten) or a 4 appears on an empty cell.
// The game is won when a 2048 tile exists, and over when no move changes the board.

/// A 4×4 board of tiles (0 = empty) and its score.
struct Game2048Board: Sendable, Equatable {
    /// Cells per row and rows per board.
    static let size = 4
    /// The tile that wins.
    static let winningTile = 2048
    /// The largest tile a board may hold (2^20); higher values cannot be reached
    /// on 16 cells and are refused by `init(cells:score:)`.
    static let largestTile = 1 << 20

    /// The 16 cells, row by row from the top left; 0 is empty.
    private(set) var cells: [Int]
    /// The sum of all merged tiles so far.
    private(set) var score: Int

    /// The directions a move can take, numbered as the client sends them.
    enum Direction: Int, Sendable, CaseIterable {
        case up = 0, right = 1, down = 2, left = 3
    }

    /// A given board, e.g. to resume a game or to set up a test.
    ///
    /// - Throws: `BoardError` unless there are 16 cells, each 0 or a power of two
    ///   from 2 to `largestTile`, and the score is not negative.
    init(cells: [Int], score: Int = 0) throws(BoardError) {
        guard cells.count == Self.size * Self.size else {
            throw BoardError("a board has \(Self.size * Self.size) cells, not \(cells.count)")
        }
        if let bad = cells.first(where: { $0 != 0 && !Self.isTile($0) }) {
            throw BoardError("\(bad) is not a tile: tiles are powers of two from 2 to \(Self.largestTile), 0 is empty")
        }
        guard score >= 0 else { throw BoardError("the score cannot be negative") }
        self.cells = cells
        self.score = score
    }

    /// A new game: an empty board with two random tiles.
    static func newGame(using generator: inout some RandomNumberGenerator) -> Game2048Board {
        var board = Game2048Board(empty: ())
        board.spawnTile(using: &generator)
        board.spawnTile(using: &generator)
        return board
    }

    private init(empty: Void) {
        cells = Array(repeating: 0, count: Self.size * Self.size)
        score = 0
    }

    /// The cells as four rows of four, top row first.
    var rows: [[Int]] {
        stride(from: 0, to: cells.count, by: Self.size).map { Array(cells[$0..<$0 + Self.size]) }
    }

    /// True once a tile of `winningTile` or more exists.
    var isWon: Bool { cells.contains { $0 >= Self.winningTile } }

    /// True when no move would change the board: no empty cell and no two equal
    /// neighbours in a row or column.
    var isOver: Bool {
        Direction.allCases.allSatisfy { direction in
            var copy = self
            return !copy.slide(direction)
        }
    }

    /// Plays one move: slides and merges towards `direction` and, when that
    /// changed the board, adds a random tile. Returns whether the board changed
    /// (a move into a wall changes nothing and adds no tile).
    @discardableResult
    mutating func move(_ direction: Direction, using generator: inout some RandomNumberGenerator) -> Bool {
        guard slide(direction) else { return false }
        spawnTile(using: &generator)
        return true
    }

    /// Slides and merges every line towards `direction`, adding merged values to
    /// the score; no tile is added. Returns whether anything moved.
    mutating func slide(_ direction: Direction) -> Bool {
        var moved = false
        for line in 0..<Self.size {
            let indices = Self.lineIndices(line, towards: direction)
            let (merged, gained) = Self.collapse(indices.map { cells[$0] })
            for (index, value) in zip(indices, merged) where cells[index] != value {
                cells[index] = value
                moved = true
            }
            score += gained
        }
        return moved
    }

    /// Puts a 2 (probability 0.9) or a 4 on a random empty cell; does nothing on
    /// a full board.
    mutating func spawnTile(using generator: inout some RandomNumberGenerator) {
        let empty = cells.indices.filter { cells[$0] == 0 }
        guard let index = empty.randomElement(using: &generator) else { return }
        cells[index] = Int.random(in: 0..<10, using: &generator) == 0 ? 4 : 2
    }

    /// The cell indices of row or column `line`, starting at the edge tiles move to.
    private static func lineIndices(_ line: Int, towards direction: Direction) -> [Int] {
        let steps = Array(0..<size)
        switch direction {
        case .left: return steps.map { line * size + $0 }
        case .right: return steps.map { line * size + (size - 1 - $0) }
        case .up: return steps.map { $0 * size + line }
        case .down: return steps.map { (size - 1 - $0) * size + line }
        }
    }

    /// One line slid towards its start: tiles packed, equal neighbours merged
    /// once, front first. Returns the new line (same length) and the points won.
    static func collapse(_ line: [Int]) -> (line: [Int], gained: Int) {
        var result: [Int] = []
        var gained = 0
        var pending: Int?
        for value in line where value != 0 {
            if pending == value {
                result.append(value * 2)
                gained += value * 2
                pending = nil
            } else {
                if let pending { result.append(pending) }
                pending = value
            }
        }
        if let pending { result.append(pending) }
        return (result + Array(repeating: 0, count: line.count - result.count), gained)
    }

    private static func isTile(_ value: Int) -> Bool {
        value >= 2 && value <= largestTile && value & (value - 1) == 0
    }
}

/// A board given from outside (a saved game, a test) breaks the rules; the
/// message says how.
struct BoardError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the board.
    let description: String
    init(_ description: String) { self.description = description }
}
