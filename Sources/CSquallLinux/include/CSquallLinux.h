// C shim: exposes the Linux system calls that Glibc's Swift module hides
// (epoll, eventfd, timerfd, signalfd) and a few socket-option constants.
#ifndef CSQUALL_LINUX_H
#define CSQUALL_LINUX_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/resource.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <errno.h>
#include <pthread.h>

/// errno of the calling thread (a macro in C, so not importable as a variable).
static inline int csquall_errno(void) { return errno; }

/// Installs an async-signal-safe handler for `signo` that writes the signal number as
/// one byte to `write_fd` (the self-pipe trick), so the IOLoop can handle the signal
/// on its own thread. Returns 0, or -1 with errno set.
int csquall_signal_to_pipe(int signo, int write_fd);

/// Unblocks `signo` in the calling thread (a process may inherit it blocked from
/// its parent; a blocked signal never reaches the handler). Returns 0 or an errno.
int csquall_unblock_signal(int signo);

/// Restores the default disposition of `signo`. Returns 0, or -1 with errno set.
int csquall_signal_default(int signo);

/// accept4(2) with SOCK_NONBLOCK | SOCK_CLOEXEC (needs _GNU_SOURCE, hence a wrapper).
int csquall_accept(int fd, struct sockaddr *address, socklen_t *length);

/// pipe2(2) with O_NONBLOCK | O_CLOEXEC.
int csquall_pipe(int fds[2]);

/// Ignores SIGPIPE process-wide (a write to a closed socket then fails with EPIPE).
void csquall_ignore_sigpipe(void);

#endif
