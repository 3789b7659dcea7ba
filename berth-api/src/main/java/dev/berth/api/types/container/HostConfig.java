package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The host-dependent part of a container's configuration ({@code HostConfig} of create and
 * inspect). Only the fields berth acts on or echoes; unknown fields are ignored on read.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostConfig(
        List<String> binds,
        String containerIDFile,
        LogConfig logConfig,
        String networkMode,
        Map<String, List<PortBinding>> portBindings,
        RestartPolicy restartPolicy,
        Boolean autoRemove,
        List<String> volumesFrom,
        List<Integer> consoleSize,
        List<String> capAdd,
        List<String> capDrop,
        String cgroupnsMode,
        List<String> dns,
        List<String> dnsOptions,
        List<String> dnsSearch,
        List<String> extraHosts,
        List<String> groupAdd,
        String ipcMode,
        List<String> links,
        Integer oomScoreAdj,
        String pidMode,
        Boolean privileged,
        Boolean publishAllPorts,
        Boolean readonlyRootfs,
        List<String> securityOpt,
        Map<String, String> tmpfs,
        @JsonProperty("UTSMode") String utsMode,
        String usernsMode,
        Long shmSize,
        Map<String, String> sysctls,
        String runtime,
        Long memory,
        Long nanoCpus,
        Long cpuShares,
        Long pidsLimit,
        Boolean init,
        List<String> maskedPaths,
        List<String> readonlyPaths,
        List<Mount> mounts,
        Long memorySwap,
        Long memoryReservation,
        Long memorySwappiness,
        Long cpuPeriod,
        Long cpuQuota,
        String cpusetCpus,
        String cpusetMems,
        Boolean oomKillDisable,
        Integer blkioWeight,
        List<Ulimit> ulimits,
        List<DeviceMapping> devices,
        List<String> deviceCgroupRules) {

    public static HostConfig empty() {
        return new HostConfig(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isAutoRemove() {
        return Boolean.TRUE.equals(autoRemove);
    }

    @JsonIgnore
    public boolean isPrivileged() {
        return Boolean.TRUE.equals(privileged);
    }

    @JsonIgnore
    public boolean isReadonlyRootfs() {
        return Boolean.TRUE.equals(readonlyRootfs);
    }
}
