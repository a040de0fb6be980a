#define _GNU_SOURCE
#include "CSquallLinux.h"
#include <unistd.h>
#include <string.h>
#include <fcntl.h>

/* One write end per signal number; read only by the async-signal-safe handler. */
static volatile int signal_pipe_fds[65];

static void forward_signal(int signo) {
    int saved = errno;
    unsigned char byte = (unsigned char)signo;
    if (signo > 0 && signo < 65 && signal_pipe_fds[signo] > 0) {
        ssize_t ignored = write(signal_pipe_fds[signo], &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

int csquall_signal_to_pipe(int signo, int write_fd) {
    if (signo <= 0 || signo >= 65) { errno = EINVAL; return -1; }
    signal_pipe_fds[signo] = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = forward_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(signo, &action, NULL);
}

int csquall_signal_default(int signo) {
    if (signo <= 0 || signo >= 65) { errno = EINVAL; return -1; }
    signal_pipe_fds[signo] = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(signo, &action, NULL);
}

void csquall_ignore_sigpipe(void) {
    signal(SIGPIPE, SIG_IGN);
}

int csquall_accept(int fd, struct sockaddr *address, socklen_t *length) {
    return accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int csquall_pipe(int fds[2]) {
    return pipe2(fds, O_NONBLOCK | O_CLOEXEC);
}

int csquall_unblock_signal(int signo) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signo);
    return pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}
