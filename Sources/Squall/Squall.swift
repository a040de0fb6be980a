// Squall: a Tornado-style web framework for Swift. `import Squall` brings in every layer.
@_exported import SquallIO
