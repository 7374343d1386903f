import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files (and staging folders) of outputs being written, removed when the
/// process is interrupted, so that Ctrl-C during a long export leaves nothing behind: neither
/// the output (it is renamed into place only when complete) nor a hidden `.NAME.tmp-…` file.
///
/// ``OutputFile`` and ``OutputFolder`` register each temporary path when they create it and
/// unregister it once it is renamed or removed. The command line calls
/// ``installHandlers()`` at start; a program that handles signals itself can call
/// ``removeAll()`` from its own handler (it only calls `unlink` and `rmdir`, which are safe
/// in a signal handler).
public enum InterruptCleanup {
    /// Registered paths: `strdup`ed C strings (the low bit set for a folder), 0 for a free
    /// slot. Writers never have more than a few temporary paths at once; past 64 a path is
    /// simply not registered.
    private static let slots: InlineArray<64, Atomic<Int>> = InlineArray { _ in Atomic(0) }

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove every registered path and
    /// then end the process as the signal would have (a signal already ignored, as under
    /// `nohup`, stays ignored). Call it from the main thread before starting others: they
    /// inherit its signal mask.
    public static func installHandlers() {
        // `slots` is a lazily initialised global: made here, before any handler can run, so a
        // signal arriving while the first `register` makes it does not leave the handler
        // waiting forever for that (interrupted) initialisation.
        _ = slots[0].load(ordering: .relaxed)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0 else { continue }
            #if canImport(Darwin)
            let isDefault = current.__sigaction_u.__sa_handler == nil
            #else
            let isDefault = current.__sigaction_handler.sa_handler == nil
            #endif
            guard isDefault else { continue }
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = handler
            #else
            action.__sigaction_handler.sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
            // A mask inherited blocked (a parent's dispatch thread spawning the process blocks
            // most signals) would hold the signal until exit: let it through.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, signal)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        }
    }

    /// Removes every registered file, then every registered (by then empty) folder.
    public static func removeAll() {
        for pass in 0..<2 {
            for index in slots.indices {
                let entry = slots[index].load(ordering: .acquiring)
                guard entry != 0, let path = UnsafePointer<CChar>(bitPattern: entry & ~1) else { continue }
                if entry & 1 == 0, pass == 0 { unlink(path) }
                if entry & 1 == 1, pass == 1 { rmdir(path) }
            }
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        InterruptCleanup.removeAll()
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)  // back to the default action (a zeroed handler is SIG_DFL)
        raise(signal)
    }

    /// Registers a temporary file or folder that `removeAll()` removes.
    static func register(_ path: String, folder: Bool = false) {
        guard let copy = strdup(path) else { return }
        let entry = Int(bitPattern: copy) | (folder ? 1 : 0)
        for index in slots.indices where slots[index].compareExchange(expected: 0, desired: entry, ordering: .acquiringAndReleasing).exchanged {
            return
        }
        free(copy)
    }

    /// Forgets a path registered with ``register(_:folder:)`` (renamed into place or removed).
    static func unregister(_ path: String) {
        for index in slots.indices {
            let entry = slots[index].load(ordering: .acquiring)
            guard entry != 0, let pointer = UnsafeMutablePointer<CChar>(bitPattern: entry & ~1),
                  String(cString: pointer) == path,
                  slots[index].compareExchange(expected: entry, desired: 0, ordering: .acquiringAndReleasing).exchanged else { continue }
            free(pointer)
            return
        }
    }
}
