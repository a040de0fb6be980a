// Bytes received but not yet consumed by a stream's delegate. Allocated only while
// something is pending and freed as soon as it drains, so that 10,000 idle
// connections hold no read buffers (every stream reads into the loop's scratch).

/// A growable byte queue with manual memory (no exclusivity checks, no CoW), owned
/// by one IOStream on the loop thread.
struct InputBuffer: ~Copyable {
    private var storage: UnsafeMutableRawPointer?
    private var capacity = 0
    private var start = 0
    private var end = 0

    init() {}

    deinit { storage?.deallocate() }

    /// Number of pending bytes.
    var count: Int { end - start }

    /// True when nothing is pending.
    var isEmpty: Bool { end == start }

    /// Appends `bytes`, growing (and compacting) as needed.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        if capacity - end < bytes.count {
            let needed = count + bytes.count
            if needed <= capacity && start > 0 {
                storage!.copyMemory(from: storage! + start, byteCount: count)
            } else {
                let newCapacity = max(needed, capacity * 2, 4096)
                let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
                if let old = storage {
                    grown.copyMemory(from: old + start, byteCount: count)
                    old.deallocate()
                }
                storage = grown
                capacity = newCapacity
            }
            end = count
            start = 0
        }
        (storage! + end).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        end += bytes.count
    }

    /// The pending bytes; valid until the next mutation.
    var readable: UnsafeRawBufferPointer {
        guard let base = storage else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + start, count: count)
    }

    /// Drops the first `n` pending bytes; frees the memory once empty.
    mutating func consume(_ n: Int) {
        start += n
        if start >= end { release() }
    }

    /// Drops everything and frees the memory.
    mutating func release() {
        storage?.deallocate()
        storage = nil
        capacity = 0
        start = 0
        end = 0
    }
}
