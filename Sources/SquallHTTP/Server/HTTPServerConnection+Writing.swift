// Serializing responses onto the connection: the status line, the handler's
// headers, then the framing headers the server owns (Date, Server,
// Content-Length or Transfer-Encoding, Connection), then the body, all in one
// buffer so that a small response is one write.
import SquallIO

@IOLoopActor
extension HTTPServerConnection {
    func sendComplete(_ request: HTTPServerRequest, status: HTTPStatus, headers: HTTPHeaders, body: [UInt8]) {
        writeResponse(status: status, headers: headers, body: body, sendsBody: request.sendsBody, closing: closeAfterResponse)
        finishedResponse()
    }

    /// Writes a whole response. `sendsBody` is false for HEAD: the headers then still
    /// describe the body (Content-Length) but it is not sent.
    func writeResponse(status: HTTPStatus, headers handlerHeaders: HTTPHeaders, body: [UInt8], sendsBody: Bool, closing: Bool) {
        let bodyAllowed = Self.statusAllowsBody(status)
        var headers = handlerHeaders
        if sendsBody && headers.contains("Content-Length") {
            // The server frames the body it actually sends; a second Content-Length
            // would invite request smuggling by proxies.
            _ = headers.remove("Content-Length")
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(160 + headers.serializedByteCount + (sendsBody && bodyAllowed ? body.count : 0))
        writeHead(status: status, headers: headers, into: &buffer, closing: closing)
        if bodyAllowed && !(status == .notModified) {
            if sendsBody || !headers.contains("Content-Length") {
                Self.appendHeader("Content-Length", decimal: body.count, into: &buffer)
            }
        }
        buffer.append(HTTPBytes.cr)
        buffer.append(HTTPBytes.lf)
        if sendsBody && bodyAllowed { buffer.append(contentsOf: body) }
        send(buffer)
    }

    func sendStreamHead(_ request: HTTPServerRequest, status: HTTPStatus, headers: HTTPHeaders) {
        var buffer: [UInt8] = []
        let hasLength = headers.contains("Content-Length")
        let chunked = !hasLength && request.version >= .http1_1 && Self.statusAllowsBody(status)
        request.chunked = chunked
        if !hasLength && !chunked { closeAfterResponse = true }
        writeHead(status: status, headers: headers, into: &buffer, closing: closeAfterResponse)
        if chunked { buffer.append(contentsOf: Self.chunkedHeader) }
        buffer.append(HTTPBytes.cr)
        buffer.append(HTTPBytes.lf)
        send(buffer)
    }

    func sendChunk(_ request: HTTPServerRequest, _ bytes: [UInt8], completion: (@IOLoopActor (Bool) -> Void)?) {
        guard request.sendsBody, !bytes.isEmpty else {
            if let completion { IOLoop.current.callSoon { completion(!self.stream.isClosed) } }
            return
        }
        do {
            if request.chunked {
                try stream.write(Array(String(bytes.count, radix: 16).utf8) + [13, 10])
                try stream.write(bytes)
                try stream.write([13, 10], completion: completion)
            } else {
                try stream.write(bytes, completion: completion)
            }
        } catch {
            stream.close()
            if let completion { IOLoop.current.callSoon { completion(false) } }
        }
    }

    func finishStream(_ request: HTTPServerRequest) {
        if request.chunked && request.sendsBody { send(Self.lastChunk) }
        finishedResponse()
    }

    private func writeHead(status: HTTPStatus, headers: HTTPHeaders, into buffer: inout [UInt8], closing: Bool) {
        buffer.append(contentsOf: Self.statusLinePrefix)
        let code = status.code
        buffer.append(UInt8(48 + code / 100))
        buffer.append(UInt8(48 + code / 10 % 10))
        buffer.append(UInt8(48 + code % 10))
        buffer.append(HTTPBytes.space)
        buffer.append(contentsOf: status.reasonPhrase.utf8)
        buffer.append(HTTPBytes.cr)
        buffer.append(HTTPBytes.lf)
        headers.write(into: &buffer)
        buffer.append(contentsOf: HTTPDateCache.shared.headerLine)
        if let name = server.serverHeaderLine { buffer.append(contentsOf: name) }
        if closing {
            buffer.append(contentsOf: Self.connectionClose)
        } else if current?.version == .http1_0 {
            buffer.append(contentsOf: Self.connectionKeepAlive)
        }
    }

    /// Nonisolated: a closure formed in loop-isolated code would carry a runtime
    /// executor check.
    private nonisolated static func appendHeader(_ name: StaticString, decimal value: Int, into buffer: inout [UInt8]) {
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(HTTPBytes.colon)
        buffer.append(HTTPBytes.space)
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        repeat {
            buffer.append(UInt8(48 + value / divisor % 10))
            divisor /= 10
        } while divisor > 0
        buffer.append(HTTPBytes.cr)
        buffer.append(HTTPBytes.lf)
    }

    private func send(_ bytes: [UInt8]) {
        do {
            try stream.write(bytes)
        } catch {
            stream.close()
        }
    }

    /// 1xx, 204 and 304 responses have no body (RFC 9110 §6.4.1).
    static func statusAllowsBody(_ status: HTTPStatus) -> Bool {
        !(status.code < 200 || status.code == 204 || status.code == 304)
    }

    private static let statusLinePrefix = Array("HTTP/1.1 ".utf8)
    private static let chunkedHeader = Array("Transfer-Encoding: chunked\r\n".utf8)
    private static let lastChunk = Array("0\r\n\r\n".utf8)
    private static let connectionClose = Array("Connection: close\r\n".utf8)
    private static let connectionKeepAlive = Array("Connection: keep-alive\r\n".utf8)
}
