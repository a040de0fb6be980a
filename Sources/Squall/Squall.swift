// Squall: a Tornado-style web framework for Swift. `import Squall` brings in every
// layer: the IOLoop (SquallIO), the HTTP server (SquallHTTP), the web framework
// (SquallWeb) and the utilities (SquallCore: logging, options, hashing).
@_exported import SquallCore
@_exported import SquallHTTP
@_exported import SquallIO
@_exported import SquallTemplate
@_exported import SquallWeb
@_exported import SquallWebSocket
