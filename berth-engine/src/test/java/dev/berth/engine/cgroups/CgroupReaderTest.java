package dev.berth.engine.cgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupReaderTest {

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void proc() throws IOException {
        write("proc/stat", "cpu  100 0 50 850 0 0 0 0 0 0\ncpu0 50 0 25 425 0 0 0 0 0 0\ncpu1 50 0 25 425 0 0 0 0 0 0\nintr 1\n");
        write("proc/meminfo", "MemTotal:       24684000 kB\nMemFree: 1 kB\n");
        write("proc/42/net/dev", "Inter-|   Receive                                                |  Transmit\n"
                + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
                + "    lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0\n"
                + "  eth0:    1500      10    1    2    0     0          0         0      700       5    0    3    0     0       0          0\n");
    }

    @Test
    void v1_readsEachControllersFiles() throws IOException {
        proc();
        String c = "berth/abc";
        write("cg/cpuacct/" + c + "/cpuacct.usage", "123456789\n");
        write("cg/cpuacct/" + c + "/cpuacct.usage_percpu", "100000000 23456789 \n");
        write("cg/cpuacct/" + c + "/cpuacct.stat", "user 7\nsystem 3\n");
        write("cg/cpu/" + c + "/cpu.stat", "nr_periods 10\nnr_throttled 4\nthrottled_time 5000\n");
        write("cg/memory/" + c + "/memory.usage_in_bytes", "2097152\n");
        write("cg/memory/" + c + "/memory.max_usage_in_bytes", "4194304\n");
        write("cg/memory/" + c + "/memory.limit_in_bytes", "9223372036854771712\n");
        write("cg/memory/" + c + "/memory.stat", "cache 4096\ntotal_inactive_file 1048576\n");
        write("cg/pids/" + c + "/pids.current", "3\n");
        write("cg/pids/" + c + "/pids.max", "max\n");
        write("cg/blkio/" + c + "/blkio.throttle.io_service_bytes_recursive", "8:0 Read 4096\n8:0 Write 8192\nTotal 12288\n");
        CgroupReader reader = new CgroupReader(CgroupLayout.detect(dir.resolve("cg")), dir.resolve("proc"));
        CgroupSample s = reader.read("/berth/abc");
        assertThat(s.cpuTotalNanos()).isEqualTo(123456789L);
        assertThat(s.perCpuNanos()).containsExactly(100000000L, 23456789L);
        assertThat(s.cpuUserNanos()).isEqualTo(70_000_000L);
        assertThat(s.cpuSystemNanos()).isEqualTo(30_000_000L);
        assertThat(s.throttling()).isEqualTo(new CgroupSample.Throttling(10, 4, 5000));
        assertThat(s.memoryUsage()).isEqualTo(2097152L);
        assertThat(s.memoryMaxUsage()).isEqualTo(4194304L);
        assertThat(s.memoryLimit()).isEqualTo(Long.MAX_VALUE);
        assertThat(s.memoryStat()).containsEntry("total_inactive_file", 1048576L);
        assertThat(s.pidsCurrent()).isEqualTo(3);
        assertThat(s.pidsLimit()).isZero();
        assertThat(s.blkio()).containsExactly(new CgroupSample.BlkioEntry(8, 0, "Read", 4096),
                new CgroupSample.BlkioEntry(8, 0, "Write", 8192));
        assertThat(reader.systemCpuNanos()).isEqualTo(1000L * 10_000_000L);
        assertThat(reader.onlineCpus()).isEqualTo(2);
        assertThat(reader.hostMemory()).isEqualTo(24684000L * 1024);
        assertThat(reader.network(42)).containsOnlyKeys("eth0")
                .containsEntry("eth0", new CgroupReader.NetCounters(1500, 10, 1, 2, 700, 5, 0, 3));
    }

    @Test
    void v2_readsTheUnifiedDirectory() throws IOException {
        proc();
        write("cg/cgroup.controllers", "cpu memory pids io\n");
        String c = "cg/berth/abc/";
        write(c + "cpu.stat", "usage_usec 2000\nuser_usec 1500\nsystem_usec 500\nnr_periods 1\nnr_throttled 0\nthrottled_usec 0\n");
        write(c + "memory.current", "1048576\n");
        write(c + "memory.max", "8388608\n");
        write(c + "memory.stat", "inactive_file 4096\n");
        write(c + "pids.current", "2\n");
        write(c + "pids.max", "50\n");
        write(c + "io.stat", "8:0 rbytes=100 wbytes=200 rios=1 wios=2 dbytes=0 dios=0\n");
        CgroupSample s = new CgroupReader(CgroupLayout.detect(dir.resolve("cg")), dir.resolve("proc")).read("/berth/abc");
        assertThat(s.cpuTotalNanos()).isEqualTo(2_000_000L);
        assertThat(s.cpuUserNanos()).isEqualTo(1_500_000L);
        assertThat(s.perCpuNanos()).isEmpty();
        assertThat(s.memoryUsage()).isEqualTo(1048576L);
        assertThat(s.memoryLimit()).isEqualTo(8388608L);
        assertThat(s.pidsLimit()).isEqualTo(50);
        assertThat(s.blkio()).isEqualTo(List.of(new CgroupSample.BlkioEntry(8, 0, "read", 100),
                new CgroupSample.BlkioEntry(8, 0, "write", 200)));
    }

    @Test
    void aGoneCgroupReadsAsZeros() {
        CgroupSample s = new CgroupReader(new CgroupLayout(dir, false), dir).read("/berth/gone");
        assertThat(s.cpuTotalNanos()).isZero();
        assertThat(s.memoryUsage()).isZero();
        assertThat(s.blkio()).isEmpty();
    }
}
