// The Game2048 example over its WebSocket: new games, moves, the slide and merge
// rules on set-up positions (`--debug`), invalid messages, and one game per
// connection.
import Testing
import Squall
import SquallTesting

@Suite("Game2048 example")
struct Game2048Tests {
    /// Runs `body` against a fresh Game2048 started with `arguments`. The
    /// WebSocket client runs on this process's loop, started here.
    private func withGame(_ arguments: [String] = [], _ body: @IOLoopActor (Int) async throws -> Void) async throws {
        IOLoop.current.startInBackground()
        let server = try await ExampleServer.start("Game2048", arguments)
        defer { server.stop() }
        try await body(server.port)
    }

    /// Checks that `actual` is `expected` plus one new 2 or 4 on a cell that
    /// `expected` leaves empty.
    private func expectSpawned(_ actual: GameReply, from expected: [Int], sourceLocation: SourceLocation = #_sourceLocation) {
        let changed = actual.cells.indices.filter { actual.cells[$0] != expected[$0] }
        #expect(changed.count == 1, "board \(actual.cells) vs expected \(expected)", sourceLocation: sourceLocation)
        for index in changed {
            #expect(expected[index] == 0 && [2, 4].contains(actual.cells[index]), sourceLocation: sourceLocation)
        }
    }

    @Test func newGameHasTwoTiles() async throws {
        try await withGame { port in
            let game = try await GameClient.connect(port: port)
            defer { game.close() }
            #expect(game.initial.board?.count == 4)
            #expect(game.initial.board?.allSatisfy { $0.count == 4 } == true)
            #expect(game.initial.tileCount == 2)
            #expect(game.initial.cells.allSatisfy { [0, 2, 4].contains($0) })
            #expect(game.initial.score == 0)
            #expect(game.initial.won == false && game.initial.over == false)
        }
    }

    @Test func boardsStayValidOverManyMoves() async throws {
        try await withGame(["--seed", "2048"]) { port in
            let game = try await GameClient.connect(port: port)
            defer { game.close() }
            var previous = game.initial
            var moves = 0
            for step in 0..<300 {
                let reply = try await previous.over == true ? game.send(#"{"new": true}"#) : game.move([3, 0, 1, 0, 2][step % 5])
                #expect(reply.error == nil)
                #expect(reply.cells.count == 16)
                #expect(reply.cells.allSatisfy { $0 == 0 || ($0 >= 2 && $0 & ($0 - 1) == 0) })
                if previous.over != true {
                    let gained = (reply.score ?? 0) - (previous.score ?? 0)
                    let merges = previous.tileCount - reply.tileCount + (reply.moved == true ? 1 : 0)
                    // Each merge of two v-tiles scores 2v ≥ 4; no merge, no points.
                    #expect(gained >= 4 * merges && (gained == 0) == (merges == 0))
                    // Tiles only combine: their sum grows exactly by the new tile.
                    let added = reply.cells.reduce(0, +) - previous.cells.reduce(0, +)
                    #expect(reply.moved == true ? [2, 4].contains(added) : added == 0)
                    if reply.moved == true { moves += 1 }
                }
                previous = reply
            }
            #expect(moves > 100)
        }
    }

    @Test func slidesAndMergesFollowTheRules() async throws {
        try await withGame(["--debug"]) { port in
            let game = try await GameClient.connect(port: port)
            defer { game.close() }
            let cases: [(board: [Int], move: Int, expected: [Int], gained: Int)] = [
                ([2, 2, 2, 2] + Array(repeating: 0, count: 12), 3, [4, 4, 0, 0] + Array(repeating: 0, count: 12), 8),
                ([4, 2, 2, 0] + Array(repeating: 0, count: 12), 3, [4, 4, 0, 0] + Array(repeating: 0, count: 12), 4),
                ([2, 2, 4, 0] + Array(repeating: 0, count: 12), 1, [0, 0, 4, 4] + Array(repeating: 0, count: 12), 4),
                ([2, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0], 0, [4, 0, 0, 0, 8, 0, 0, 0] + Array(repeating: 0, count: 8), 12),
                ([0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 16], 2, Array(repeating: 0, count: 11) + [16, 0, 0, 0, 16], 16),
                ([1024, 1024] + Array(repeating: 0, count: 14), 3, [2048] + Array(repeating: 0, count: 15), 2048),
            ]
            for test in cases {
                let start = try await game.setBoard(test.board, score: 100)
                #expect(start.cells == test.board && start.score == 100)
                let reply = try await game.move(test.move)
                #expect(reply.moved == true)
                #expect(reply.score == 100 + test.gained)
                expectSpawned(reply, from: test.expected)
                #expect(reply.won == test.expected.contains(2048))
            }
        }
    }

    @Test func blockedMovesAndGameOver() async throws {
        try await withGame(["--debug"]) { port in
            let game = try await GameClient.connect(port: port)
            defer { game.close() }
            let wall = [2, 4, 8, 16] + Array(repeating: 0, count: 12)
            _ = try await game.setBoard(wall)
            let blocked = try await game.move(3)
            #expect(blocked.moved == false && blocked.cells == wall && blocked.score == 0)
            let full = [2, 4, 2, 4, 4, 2, 4, 2, 2, 4, 2, 4, 4, 2, 4, 2]
            let over = try await game.setBoard(full)
            #expect(over.over == true)
            for direction in 0..<4 {
                let reply = try await game.move(direction)
                #expect(reply.moved == false && reply.over == true && reply.cells == full)
            }
            let fresh = try await game.send(#"{"new": true}"#)
            #expect(fresh.over == false && fresh.tileCount == 2 && fresh.score == 0)
        }
    }

    @Test func invalidMessagesGetAnErrorAndTheGameGoesOn() async throws {
        try await withGame(["--debug"]) { port in
            let game = try await GameClient.connect(port: port)
            defer { game.close() }
            let cases = [
                ("9", "move must be 0 (up), 1 (right), 2 (down) or 3 (left), not 9"),
                (#"{"move": -1}"#, "move must be"), ("left", "expected a move 0–3 or a JSON object"),
                ("", "expected a move"), ("{}", "send exactly one of"), (#"{"move": 1, "new": true}"#, "send exactly one of"),
                (#"{"debug_board": [2, 2]}"#, "a board has 16 cells, not 2"),
                (#"{"debug_board": [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}"#, "3 is not a tile"),
                (#"{"debug_board": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "score": -5}"#, "cannot be negative"),
            ]
            for (message, error) in cases {
                let reply = try await game.send(message)
                #expect(reply.error?.contains(error) == true, "\(message) → \(String(describing: reply.error))")
                #expect(reply.board == nil)
            }
            let after = try await game.move(0)
            #expect(after.error == nil && after.cells.count == 16)
        }
    }

    @Test func debugBoardsNeedDebugMode() async throws {
        try await withGame { port in
            let game = try await GameClient.connect(port: port)
            defer { game.close() }
            let reply = try await game.setBoard(Array(repeating: 0, count: 16))
            #expect(reply.error == "debug_board needs the server to run with --debug")
        }
    }

    @Test func eachConnectionIsANewGame() async throws {
        try await withGame(["--seed", "7"]) { port in
            let first = try await GameClient.connect(port: port)
            defer { first.close() }
            var reply = first.initial
            for direction in [3, 0, 3, 0, 3, 0, 1, 2] { reply = try await first.move(direction) }
            #expect(reply.tileCount > 2)
            let second = try await GameClient.connect(port: port)
            defer { second.close() }
            #expect(second.initial.score == 0 && second.initial.tileCount == 2)
            // The same seed deals the same game: replayable.
            #expect(second.initial.cells == first.initial.cells && second.initial.seed == 7)
            let moved = try await first.move(1)
            #expect(moved.score ?? 0 >= reply.score ?? 0)
            let untouched = try await second.send(#"{"new": true, "seed": 7}"#)
            #expect(untouched.cells == first.initial.cells)
            let other = try await second.send(#"{"new": true, "seed": 8}"#)
            #expect(other.seed == 8 && other.tileCount == 2)
        }
    }

    @Test func pageLoadsItsScriptAndStyles() async throws {
        try await withGame { port in
            var client = ExampleClient(port: port)
            let page = try await client.get("/")
            #expect(page.status == 200)
            #expect(page.text.contains(#"data-socket="/game""#))
            #expect(page.text.contains("/static/game.js?v="))
            #expect(page.text.contains("/static/game.css?v="))
            let script = try await client.get("/static/game.js")
            #expect(script.status == 200)
            let notUpgraded = try await client.get("/game")
            #expect(notUpgraded.status == 400)
        }
    }
}
