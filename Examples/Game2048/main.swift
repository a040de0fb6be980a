// Game2048: the 2048 puzzle with the board on the server. The page sends moves
// (0 up, 1 right, 2 down, 3 left) over a WebSocket and draws the JSON board it
// gets back; the rules live in Game2048Board.swift, free of any IO.
//
//     swift run Game2048                  # then open the printed URL
//     swift run Game2048 --seed 7         # every game deals the same tiles
import Foundation
import Squall

let options = OptionParser()
let port = try options.define("port", default: 8888, help: "port to listen on (0 = any free port)")
let address = try options.define("address", default: "127.0.0.1", help: "address to listen on (\"\" = all)")
let debug = try options.define("debug", default: false,
                               help: "reload templates, show errors, accept debug_board messages")
let seed = try options.define("seed", type: UInt64.self, help: "deal every game from this seed (default: random)")
_ = options.parseCommandLineOrExit()

/// The application: the page, the game socket, and settings with templates and
/// static files found next to this source file.
func makeApplication() throws -> Application {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    var settings = ApplicationSettings()
    settings.debug = debug.value
    settings.templatePath = folder.appendingPathComponent("templates").path
    settings.staticPath = folder.appendingPathComponent("static").path
    // Game messages are a few bytes; anything over 4 KiB is refused before it is
    // buffered (close code 1009).
    settings.websocketMaxMessageSize = 4096
    // Pings find players whose network went away, so their game is freed.
    settings.websocketPingInterval = 30
    let gameOptions = GameOptions(seed: seed.value, allowsDebugBoards: debug.value)
    return try Application([
        URLSpec("/", PageHandler.self, name: "index"),
        URLSpec("/game", GameSocketHandler.self, name: "game", initialize: { $0.options = gameOptions }),
    ], settings: settings)
}

do {
    let server = try makeApplication().listen(port: port.value, address: address.value)
    let host = address.value.isEmpty ? "127.0.0.1" : address.value
    // Straight to stdout, unbuffered: scripts and tests read the port from this line.
    let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(server.port)/"
    FileHandle.standardOutput.write(Data("Game2048 running at \(url)\n".utf8))
} catch {
    FileHandle.standardError.write(Data("Game2048: cannot start: \(error)\n".utf8))
    exit(1)
}
IOLoop.current.start()
