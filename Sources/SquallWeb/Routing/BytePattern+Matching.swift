// Running a BytePattern: depth-first backtracking in Python's preference order (greedy
// runs longest first, lazy runs shortest first, optional groups tried before skipped when
// greedy). Once a search gets long, failed (node, position) pairs are remembered: with no
// backreferences a state that failed once always fails, which bounds the work to
// nodes × positions × run length instead of exponential.

extension BytePattern {
    /// Searches taking more steps than this start memoising failures.
    static let memoThreshold = 512

    /// Matches all of `input`; returns each group's byte range (nil if it did not take
    /// part) or nil when there is no match. `steps` reports how many nodes were visited.
    func match(_ input: UnsafeBufferPointer<UInt8>, steps: inout Int) -> [Range<Int>?]? {
        nodes.withUnsafeBufferPointer { nodes in
            literals.withUnsafeBufferPointer { literals in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, groupCount * 2)) { bounds in
                    bounds.initialize(repeating: -1)
                    var search = Search(nodes: nodes, literals: literals, input: input, bounds: bounds)
                    defer { steps += search.steps }
                    guard search.run(0, 0) else { return nil }
                    return (0..<groupCount).map { group in
                        bounds[2 * group] < 0 ? nil : bounds[2 * group]..<bounds[2 * group + 1]
                    }
                }
            }
        }
    }
}

/// The mutable state of one match attempt.
private struct Search {
    let nodes: UnsafeBufferPointer<BytePattern.Node>
    let literals: UnsafeBufferPointer<UInt8>
    let input: UnsafeBufferPointer<UInt8>
    /// Start and end offset of each group (start at 2g, end at 2g+1); -1 when unset.
    let bounds: UnsafeMutableBufferPointer<Int>
    var steps = 0
    /// Failed states, indexed `node * (input.count + 1) + position`; allocated on demand.
    var failed: [Bool] = []

    init(nodes: UnsafeBufferPointer<BytePattern.Node>, literals: UnsafeBufferPointer<UInt8>,
         input: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutableBufferPointer<Int>) {
        self.nodes = nodes
        self.literals = literals
        self.input = input
        self.bounds = bounds
    }

    mutating func run(_ node: Int, _ position: Int) -> Bool {
        guard node < nodes.count else { return position == input.count }
        steps += 1
        let state = node * (input.count + 1) + position
        if !failed.isEmpty, failed[state] { return false }
        if step(node, position) { return true }
        if failed.isEmpty, steps > BytePattern.memoThreshold {
            failed = Array(repeating: false, count: (nodes.count + 1) * (input.count + 1))
        }
        if !failed.isEmpty { failed[state] = true }
        return false
    }

    private mutating func step(_ node: Int, _ position: Int) -> Bool {
        switch nodes[node] {
        case .literal(let start, let count):
            guard input.count - position >= count else { return false }
            for offset in 0..<count where input[position + offset] != literals[start + offset] { return false }
            return run(node + 1, position + count)
        case .run(let set, let min, let max, let greedy):
            var count = 0
            while count < max, position + count < input.count, set.contains(input[position + count]) { count += 1 }
            guard count >= min else { return false }
            if node + 1 == nodes.count {
                // Last node: only the run that reaches the end of the input can succeed.
                let needed = input.count - position
                return needed >= min && needed <= count
            }
            // When a literal follows, only split points where its first byte appears can work.
            var required: UInt8?
            if case .literal(let start, _) = nodes[node + 1] { required = literals[start] }
            for attempt in 0...(count - min) {
                let next = position + (greedy ? count - attempt : min + attempt)
                if let required, next >= input.count || input[next] != required { continue }
                if run(node + 1, next) { return true }
            }
            return false
        case .groupStart(let group):
            return setBound(2 * group, to: position, then: node + 1)
        case .groupEnd(let group):
            return setBound(2 * group + 1, to: position, then: node + 1)
        case .optionalGroup(let skip, let greedy):
            let (first, second) = greedy ? (node + 1, skip) : (skip, node + 1)
            return run(first, position) || run(second, position)
        }
    }

    /// Records a group boundary, continues, and undoes the record if that fails.
    private mutating func setBound(_ slot: Int, to position: Int, then next: Int) -> Bool {
        let previous = bounds[slot]
        bounds[slot] = position
        if run(next, position) { return true }
        bounds[slot] = previous
        return false
    }
}
