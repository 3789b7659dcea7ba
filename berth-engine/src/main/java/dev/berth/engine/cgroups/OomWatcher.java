package dev.berth.engine.cgroups;

import dev.berth.posix.EventPoll;
import dev.berth.posix.PosixException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells whether the memory cgroup's OOM killer struck a container during its run.
 *
 * <p>Why a notification and not a read at exit: the runtime in the foreground deletes the
 * container's cgroup before it exits, and its exit is the first thing berthd sees, so the
 * cgroup's {@code oom_kill} counter is gone by then. On cgroup v1 each watched container
 * gets an eventfd registered through {@code cgroup.event_control} for
 * {@code memory.oom_control} (what containerd does); the kernel signals it when the cgroup
 * enters OOM, before the victim is killed, and once more when the cgroup is removed. One
 * platform thread waits on all of them with epoll; when it wakes and the cgroup directory
 * still exists the signal cannot be the removal, so it is an OOM, and {@code onOom} runs
 * (berthd's "oom" event). {@link #finish} also drains the counter itself, so a wake-up the
 * thread had not handled yet is not lost: two signals are an OOM and the removal.
 *
 * <p>On cgroup v2 the kernel has no such eventfd; {@link #finish} then reads
 * {@code memory.events}' {@code oom_kill} if the cgroup is still there, which it usually is
 * not: v2 hosts need an inotify watch on that file (not done: this host is v1).
 */
public final class OomWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("berthd.cgroups");

    private final CgroupLayout layout;
    private final Consumer<String> onOom;
    private final Map<String, Registration> byId = new ConcurrentHashMap<>();
    private final Map<Integer, Registration> byFd = new ConcurrentHashMap<>();
    private EventPoll poll;
    private int wakeFd = -1;
    private Thread loop;
    private volatile boolean closed;

    /** @param onOom called with the container id when its cgroup enters OOM (from the watcher's thread) */
    public OomWatcher(CgroupLayout layout, Consumer<String> onOom) {
        this.layout = layout;
        this.onOom = onOom;
    }

    private static final class Registration {
        final String id;
        final Path dir;
        final int eventFd;
        final int controlFd;
        long signals;
        boolean oom;

        Registration(String id, Path dir, int eventFd, int controlFd) {
            this.id = id;
            this.dir = dir;
            this.eventFd = eventFd;
            this.controlFd = controlFd;
        }
    }

    /**
     * Starts watching container {@code id}, whose memory cgroup is {@code cgroupsPath}; call
     * it once the container runs. Does nothing on v2 or when the cgroup cannot be watched.
     */
    public void watch(String id, String cgroupsPath) {
        if (layout.unified() || closed) {
            return;
        }
        Path dir = layout.dir("memory", cgroupsPath);
        int eventFd = -1;
        int controlFd = -1;
        try {
            ensureLoop();
            eventFd = EventPoll.eventFd();
            controlFd = EventPoll.openReadOnly(dir.resolve("memory.oom_control"));
            Files.writeString(dir.resolve("cgroup.event_control"), eventFd + " " + controlFd);
            Registration r = new Registration(id, dir, eventFd, controlFd);
            byFd.put(eventFd, r);
            Registration old = byId.put(id, r);
            if (old != null) {
                release(old);
            }
            poll.add(eventFd);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch OOM of container " + id + ": " + e.getMessage());
            closeQuietly(eventFd);
            closeQuietly(controlFd);
        }
    }

    /**
     * Stops watching {@code id} (after its process ended) and says whether the OOM killer
     * struck during this run.
     */
    public boolean finish(String id, String cgroupsPath) {
        Registration r = byId.remove(id);
        if (r == null) {
            return layout.unified() && CgroupReader.keyed(layout.dir("", cgroupsPath).resolve("memory.events"))
                    .getOrDefault("oom_kill", 0L) > 0;
        }
        synchronized (r) {
            handle(r);
            release(r);
            return r.oom || r.signals >= 2;
        }
    }

    private synchronized void ensureLoop() throws PosixException {
        if (loop != null) {
            return;
        }
        poll = new EventPoll();
        wakeFd = EventPoll.eventFd();
        poll.add(wakeFd);
        loop = Thread.ofPlatform().daemon().name("oom-watcher").start(this::run);
    }

    private void run() {
        while (!closed) {
            try {
                for (int fd : poll.await(16, -1)) {
                    Registration r = byFd.get(fd);
                    if (r != null) {
                        synchronized (r) {
                            handle(r);
                        }
                    }
                }
            } catch (PosixException e) {
                LOG.log(System.Logger.Level.WARNING, "OOM watcher: " + e.getMessage());
                return;
            }
        }
    }

    // Reads the counter; signals while the cgroup still exists are OOMs, not its removal.
    private void handle(Registration r) {
        long n;
        try {
            n = EventPoll.drain(r.eventFd);
        } catch (PosixException e) {
            return;
        }
        if (n == 0) {
            return;
        }
        r.signals += n;
        if (!r.oom && (Files.isDirectory(r.dir) || r.signals >= 2)) {
            r.oom = true;
            onOom.accept(r.id);
        }
    }

    private void release(Registration r) {
        byFd.remove(r.eventFd);
        try {
            poll.remove(r.eventFd);
        } catch (PosixException | RuntimeException e) {
            // already gone from the set
        }
        closeQuietly(r.eventFd);
        closeQuietly(r.controlFd);
    }

    private static void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                EventPoll.close(fd);
            } catch (PosixException e) {
                // nothing to do
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        byId.values().forEach(this::release);
        byId.clear();
        if (loop != null) {
            try {
                EventPoll.signal(wakeFd);
                loop.join(1000);
                poll.close();
            } catch (PosixException e) {
                // the thread is a daemon: it ends with the JVM
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
