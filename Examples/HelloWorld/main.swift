// HelloWorld: the smallest Squall app, as in Tornado's docs.
//
//     swift run HelloWorld            # then open http://127.0.0.1:8888/
//     swift run HelloWorld --port 9000
import Squall

final class MainHandler: RequestHandler {
    override func get() throws {
        try setHeader("Content-Type", "text/plain; charset=UTF-8")
        write("Hello, world")
    }
}

let options = OptionParser()
let port = try options.define("port", default: 8888, help: "port to listen on")
let address = try options.define("address", default: "127.0.0.1", help: "address to listen on (\"\" = all)")
_ = options.parseCommandLineOrExit()

let app = try Application([URLSpec("/", MainHandler.self)])
let server = try app.listen(port: port.value, address: address.value)
Log.general.info("Listening on http://\(address.value):\(server.port)/")
IOLoop.current.start()
