// Delivering a connection's events to the handler's hooks. A plain hook is called
// directly (no task: the echo path stays a function call). When the subclass
// overrides only the async form, the plain default throws `RequiresAsync`; the
// async form then runs in a task that starts at once on the loop, and reading
// pauses until it returns, so messages are handled one at a time, in order.
import SquallCore
import SquallIO
import SquallWebSocket

/// The hooks that have an async form.
struct WebSocketAsyncHooks: OptionSet, Hashable {
    let rawValue: UInt8
    static let open = WebSocketAsyncHooks(rawValue: 1)
    static let text = WebSocketAsyncHooks(rawValue: 2)
    static let binary = WebSocketAsyncHooks(rawValue: 4)
}

@IOLoopActor
extension WebSocketHandler: WebSocketConnectionDelegate {
    /// Handler classes whose async hooks are the inherited no-ops: once seen, their
    /// events skip the task entirely (e.g. binary messages to a text-only handler).
    private static var inheritedAsyncHooks: [ObjectIdentifier: WebSocketAsyncHooks] = [:]

    static func noteInheritedAsync(_ hook: WebSocketAsyncHooks, _ type: WebSocketHandler.Type) {
        inheritedAsyncHooks[ObjectIdentifier(type), default: []].insert(hook)
    }

    static func inheritsAsync(_ hook: WebSocketAsyncHooks, _ type: WebSocketHandler.Type) -> Bool {
        inheritedAsyncHooks[ObjectIdentifier(type)]?.contains(hook) ?? false
    }

    package func webSocket(_ connection: WebSocketConnection, didReceive message: WebSocketMessage) {
        do {
            switch message {
            case .text(let text): try onMessage(text)
            case .binary(let data): try onMessage(data)
            }
        } catch is RequiresAsync {
            deliverAsync(message, on: connection)
        } catch {
            hookFailed(error)
        }
    }

    private func deliverAsync(_ message: WebSocketMessage, on connection: WebSocketConnection) {
        let hook: WebSocketAsyncHooks
        if case .text = message { hook = .text } else { hook = .binary }
        guard !Self.inheritsAsync(hook, type(of: self)) else { return }
        connection.pauseReading()
        Task.immediate {
            do {
                switch message {
                case .text(let text): try await self.onMessage(text)
                case .binary(let data): try await self.onMessage(data)
                }
            } catch {
                self.hookFailed(error)
            }
            connection.resumeReading()
        }
    }

    package func webSocket(_ connection: WebSocketConnection, didReceivePing payload: [UInt8]) {
        onPing(payload)
    }

    package func webSocket(_ connection: WebSocketConnection, didReceivePong payload: [UInt8]) {
        onPong(payload)
    }

    package func webSocketDidClose(_ connection: WebSocketConnection) {
        onClose()
    }

    /// A hook threw: log it and close with 1011 (Tornado logs and aborts).
    func hookFailed(_ error: any Error) {
        Log.app.error("Uncaught error in \(type(of: self)) for WebSocket \(request.uri) (\(request.remoteIP)): \(error)")
        connection?.close(code: .internalError, reason: "internal error")
    }
}
