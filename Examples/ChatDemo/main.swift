// ChatDemo: Tornado's WebSocket chat demo (demos/websocket/chatdemo.py) in
// Squall, with what the classic chat-room tutorials add: nicknames, join and
// leave notices with an online count, reconnection, and a form that works
// without JavaScript.
//
//     swift run ChatDemo                 # then open http://127.0.0.1:8888/
//     swift run ChatDemo --port 9000 --address "" --debug
//
// Routes: GET / (the page), /chatsocket (the WebSocket), POST /nickname,
// POST /a/message/new (the no-JavaScript form), /echo (a WebSocket echo, for
// the benchmark harness), and /static/ (chat.js, chat.css).
import Foundation
import Squall

let options = OptionParser()
let port = try options.define("port", default: 8888, help: "port to listen on (0 = any free port)")
let address = try options.define("address", default: "127.0.0.1", help: "address to listen on (\"\" = all)")
let debug = try options.define("debug", default: false, help: "debug mode: reload templates, show errors")
let secret = try options.define("cookie_secret", default: "",
                                help: "key that signs cookies; empty = random at each start (nicknames reset)")
_ = options.parseCommandLineOrExit()

guard let paths = ChatPaths.locate() else {
    let searched = ChatPaths.roots().joined(separator: " and ")
    FileHandle.standardError.write(Data("ChatDemo: no templates/index.html and static/chat.js in \(searched)\n".utf8))
    exit(1)
}

var settings = ApplicationSettings()
settings.debug = debug.value
settings.templatePath = paths.templates
settings.staticPath = paths.static
settings.xsrfCookies = true
settings.websocketMaxMessageSize = ChatLimits.maxFrameBytes
settings.cookieSecret = try secret.value.isEmpty
    ? CookieSecret((0..<32).map { _ in UInt8.random(in: .min ... .max) })
    : CookieSecret(secret.value)

let room = ChatRoom()
let app = try Application([
    URLSpec("/", MainHandler.self, initialize: { $0.room = room }),
    URLSpec("/chatsocket", ChatSocketHandler.self, initialize: { $0.room = room }),
    URLSpec("/nickname", NicknameHandler.self),
    URLSpec("/a/message/new", MessageNewHandler.self, initialize: { $0.room = room }),
    URLSpec("/echo", EchoSocketHandler.self),
], settings: settings)
let server: HTTPServer
do {
    server = try app.listen(port: port.value, address: address.value)
} catch {
    FileHandle.standardError.write(Data("ChatDemo: cannot listen on \(address.value):\(port.value): \(error)\n".utf8))
    exit(1)
}

let host = address.value.isEmpty ? "127.0.0.1" : address.value
// Written straight to stdout, not logged or buffered: scripts and tests read the port from it.
let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(server.port)/"
FileHandle.standardOutput.write(Data("Chat demo at \(url)\n".utf8))
IOLoop.current.start()
