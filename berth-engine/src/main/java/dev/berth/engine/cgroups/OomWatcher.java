package dev.berth.engine.cgroups;

import dev.berth.posix.EventPoll;
import dev.berth.posix.Inotify;
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
 * cgroup's {@code oom_kill} counter is gone by then. One platform thread waits with epoll on
 * every watch and records what it learns while the cgroup still exists.
 *
 * <p>cgroup v1: each watched container gets an eventfd registered through
 * {@code cgroup.event_control} for {@code memory.oom_control} (what containerd does); the
 * kernel signals it when the cgroup enters OOM, before the victim is killed, and once more
 * when the cgroup is removed. A wake-up while the cgroup directory still exists cannot be the
 * removal, so it is an OOM, and {@code onOom} runs (berthd's "oom" event). {@link #finish}
 * also drains the counter itself, so a wake-up the thread had not handled yet is not lost:
 * two signals are an OOM and the removal.
 *
 * <p>cgroup v2 has no such eventfd: the kernel notifies a change of {@code memory.events}
 * to inotify as {@code IN_MODIFY} (what runc and containerd watch), so each container gets
 * an inotify watch on that file; at each change the thread reads its {@code oom_kill}
 * counter (the cgroup is new for each run, so any kill counts). {@link #finish} reads the
 * file once more if it is still there, and otherwise trusts the last value read.
 */
public final class OomWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("berthd.cgroups");

    private final CgroupLayout layout;
    private final Consumer<String> onOom;
    private final Map<String, Registration> byId = new ConcurrentHashMap<>();
    private final Map<Integer, Registration> byFd = new ConcurrentHashMap<>();
    private final Map<Integer, Registration> byWatch = new ConcurrentHashMap<>();
    private EventPoll poll;
    private Inotify inotify;
    private int wakeFd = -1;
    private Thread loop;
    private volatile boolean closed;

    /** @param onOom called with the container id when its cgroup enters OOM (from the watcher's thread) */
    public OomWatcher(CgroupLayout layout, Consumer<String> onOom) {
        this.layout = layout;
        this.onOom = onOom;
    }

    // v1 uses eventFd and controlFd, v2 watch and events; the unused ones are -1 / null.
    private static final class Registration {
        final String id;
        final Path dir;
        final int eventFd;
        final int controlFd;
        final int watch;
        final Path events;
        long signals;
        long oomKills;
        boolean oom;

        Registration(String id, Path dir, int eventFd, int controlFd, int watch, Path events) {
            this.id = id;
            this.dir = dir;
            this.eventFd = eventFd;
            this.controlFd = controlFd;
            this.watch = watch;
            this.events = events;
        }
    }

    /**
     * Starts watching container {@code id}, whose memory cgroup is {@code cgroupsPath}; call
     * it once the container runs. Does nothing when the cgroup cannot be watched (logged).
     */
    public void watch(String id, String cgroupsPath) {
        if (closed) {
            return;
        }
        Path dir = layout.dir("memory", cgroupsPath);
        try {
            ensureLoop();
            Registration r = layout.unified() ? watchEvents(id, dir) : watchEventFd(id, dir);
            Registration old = byId.put(id, r);
            if (old != null) {
                release(old);
            }
            if (r.watch >= 0) {
                synchronized (r) {
                    readEvents(r); // an OOM before the watch was set is still this run's
                }
            }
        } catch (IOException e) {
            // a container that already ended took its cgroup along: nothing to watch, nothing wrong
            System.Logger.Level level = java.nio.file.Files.isDirectory(dir) ? System.Logger.Level.WARNING
                    : System.Logger.Level.DEBUG;
            LOG.log(level, "cannot watch OOM of container " + id + ": " + e.getMessage());
        }
    }

    private Registration watchEventFd(String id, Path dir) throws IOException {
        int eventFd = -1;
        int controlFd = -1;
        try {
            eventFd = EventPoll.eventFd();
            controlFd = EventPoll.openReadOnly(dir.resolve("memory.oom_control"));
            Files.writeString(dir.resolve("cgroup.event_control"), eventFd + " " + controlFd);
            Registration r = new Registration(id, dir, eventFd, controlFd, -1, null);
            byFd.put(eventFd, r);
            poll.add(eventFd);
            return r;
        } catch (IOException | RuntimeException e) {
            byFd.remove(eventFd);
            closeQuietly(eventFd);
            closeQuietly(controlFd);
            throw e;
        }
    }

    private Registration watchEvents(String id, Path dir) throws PosixException {
        Path events = dir.resolve("memory.events");
        int watch = inotify.addWatch(events, Inotify.IN_MODIFY);
        Registration r = new Registration(id, dir, -1, -1, watch, events);
        byWatch.put(watch, r);
        return r;
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
            if (r.watch >= 0) {
                readEvents(r);
            } else {
                drain(r);
            }
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
        if (layout.unified()) {
            inotify = new Inotify();
            poll.add(inotify.fd());
        }
        loop = Thread.ofPlatform().daemon().name("oom-watcher").start(this::run);
    }

    private void run() {
        while (!closed) {
            try {
                for (int fd : poll.await(16, -1)) {
                    if (inotify != null && fd == inotify.fd()) {
                        inotifyReady();
                        continue;
                    }
                    Registration r = byFd.get(fd);
                    if (r != null) {
                        synchronized (r) {
                            drain(r);
                        }
                    }
                }
            } catch (PosixException e) {
                LOG.log(System.Logger.Level.WARNING, "OOM watcher: " + e.getMessage());
                return;
            }
        }
    }

    private void inotifyReady() throws PosixException {
        for (Inotify.Event e : inotify.read()) {
            Registration r = byWatch.get(e.watch());
            if (r == null) {
                continue;
            }
            if (e.ignored()) {
                byWatch.remove(e.watch()); // the cgroup is gone; finish trusts the last read
                continue;
            }
            synchronized (r) {
                readEvents(r);
            }
        }
    }

    // v1: reads the eventfd counter; signals while the cgroup still exists are OOMs, not its removal.
    private void drain(Registration r) {
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
        if (Files.isDirectory(r.dir) || r.signals >= 2) {
            markOom(r);
        }
    }

    // v2: the file's counter only grows while the cgroup lives; a missing file reads as no change.
    private void readEvents(Registration r) {
        if (!Files.exists(r.events)) {
            return;
        }
        r.oomKills = Math.max(r.oomKills, CgroupReader.keyed(r.events).getOrDefault("oom_kill", 0L));
        if (r.oomKills > 0) {
            markOom(r);
        }
    }

    private void markOom(Registration r) {
        if (!r.oom) {
            r.oom = true;
            onOom.accept(r.id);
        }
    }

    private void release(Registration r) {
        if (r.watch >= 0) {
            byWatch.remove(r.watch);
            inotify.removeWatch(r.watch);
            return;
        }
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
                if (inotify != null) {
                    inotify.close();
                }
            } catch (PosixException e) {
                // the thread is a daemon: it ends with the JVM
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
