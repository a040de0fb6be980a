// File-descriptor registrations: which object handles the readiness events of an fd.
//
// Each registration carries a generation in the epoll token, so an event still in
// the current batch for a closed fd is not delivered to a new socket that reused the
// same number.
import Glibc
import CSquallLinux

/// Receives readiness events for a registered file descriptor (loop thread).
@IOLoopActor
protocol IOEventHandler: AnyObject {
    /// `events` is the epoll mask (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP, …).
    func handleIOEvent(_ events: UInt32)
}

struct Registration {
    let generation: UInt32
    let handler: any IOEventHandler
}

/// Readiness interest as an epoll mask.
struct IOInterest: OptionSet {
    let rawValue: UInt32
    static let readable = IOInterest(rawValue: EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
    static let writable = IOInterest(rawValue: EPOLLOUT.rawValue)
    /// Only the peer's shutdown of its sending side (while reading is paused).
    static let hangUp = IOInterest(rawValue: EPOLLRDHUP.rawValue)
}

@IOLoopActor
extension IOLoop {
    /// Starts delivering `interest` events of `fd` to `handler` (kept alive until unregistered).
    func register(fd: Int32, interest: IOInterest, handler: any IOEventHandler) throws(IOError) {
        registrationGeneration &+= 1
        let index = Int(fd)
        if index >= registrations.count {
            registrations.append(contentsOf: repeatElement(nil, count: max(index + 1 - registrations.count, registrations.count)))
        }
        registrations[index] = Registration(generation: registrationGeneration, handler: handler)
        var event = epoll_event()
        event.events = interest.rawValue
        event.data.u64 = UInt64(registrationGeneration) << 32 | UInt64(UInt32(bitPattern: fd))
        if epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) != 0 {
            registrations[index] = nil
            throw IOError.last("epoll_ctl(ADD)")
        }
    }

    /// Changes the interest of a registered `fd`.
    func modify(fd: Int32, interest: IOInterest) {
        guard Int(fd) < registrations.count, let registration = registrations[Int(fd)] else { return }
        var event = epoll_event()
        event.events = interest.rawValue
        event.data.u64 = UInt64(registration.generation) << 32 | UInt64(UInt32(bitPattern: fd))
        epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    /// Stops delivering events for `fd` and releases its handler. Call before `close(fd)`.
    func unregister(fd: Int32) {
        guard Int(fd) < registrations.count, registrations[Int(fd)] != nil else { return }
        registrations[Int(fd)] = nil
        epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
    }
}
