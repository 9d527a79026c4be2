import Foundation

/// Runs a child process with `posix_spawn` and reaps it with `waitpid`, so its wall time is
/// measured to the exit (Foundation's `Process.waitUntilExit` polls its run loop and can add
/// tens of milliseconds).
enum SpawnedProcess {
    /// Runs `executable arguments…` with stdout discarded; returns its exit status and what it
    /// wrote to stderr. Throws when the process cannot be started.
    static func run(_ executable: URL, arguments: [String]) throws -> (status: Int32, errors: Data) {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw failure(executable, "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        close(pipe[1])
        guard started == 0 else {
            close(pipe[0])
            throw failure(executable, "posix_spawn failed (\(started))")
        }
        let errors = FileHandle(fileDescriptor: pipe[0], closeOnDealloc: true).readDataToEndOfFile()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), errors)
    }

    /// The error for a process that could not be started.
    private static func failure(_ executable: URL, _ message: String) -> BenchmarkError {
        .processFailed(command: executable.path, message: message)
    }
}
