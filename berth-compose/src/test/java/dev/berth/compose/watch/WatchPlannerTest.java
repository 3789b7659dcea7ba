package dev.berth.compose.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.build.DockerIgnore;
import dev.berth.compose.model.WatchAction;
import dev.berth.compose.model.WatchExec;
import dev.berth.compose.model.WatchRule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A batch of changes -> what each service does. */
class WatchPlannerTest {

    private static final Path P = Path.of("/p");
    private static final WatchExec RELOAD = new WatchExec(List.of("app", "reload"), null, false, null, Map.of());
    private final WatchFilter webSrc = filter(WatchAction.SYNC, "web", "/app/web", null);
    private final WatchFilter webDeps = filter(WatchAction.REBUILD, "package.json", null, null);
    private final WatchFilter apiConf = filter(WatchAction.SYNC_RESTART, "api/conf", "/etc/api", null);
    private final WatchFilter apiEtc = filter(WatchAction.SYNC_EXEC, "api/etc", "/etc/x", RELOAD);
    private final WatchFilter workerBin = filter(WatchAction.RESTART, "worker", null, null);
    private final WatchPlanner planner;

    WatchPlannerTest() {
        Map<String, List<WatchFilter>> rules = new LinkedHashMap<>();
        rules.put("web", List.of(webSrc, webDeps));
        rules.put("api", List.of(apiConf, apiEtc));
        rules.put("worker", List.of(workerBin));
        planner = new WatchPlanner(rules);
    }

    private static WatchFilter filter(WatchAction action, String path, String target, WatchExec exec) {
        return new WatchFilter(new WatchRule(action, P.resolve(path), target, List.of("*.tmp"), List.of(), exec, false),
                null, DockerIgnore.none());
    }

    private static Set<Path> batch(String... paths) {
        Set<Path> out = new LinkedHashSet<>();
        Stream.of(paths).map(p -> P.resolve(p)).forEach(out::add);
        return out;
    }

    @Test
    void syncedFiles_areCopiedToTheTargetAndDeletedOnesRemoved() {
        Set<Path> gone = batch("web/old.js");
        List<ServicePlan> plans = planner.plan(batch("web/index.js", "web/old.js", "web/x.tmp"), p -> !gone.contains(p));
        assertThat(plans).containsExactly(new ServicePlan("web", List.of(
                new ServicePlan.SyncPath(webSrc, P.resolve("web/index.js"), "/app/web/index.js", false),
                new ServicePlan.SyncPath(webSrc, P.resolve("web/old.js"), "/app/web/old.js", true)), false, false, List.of()));
    }

    @Test
    void fileInANewDirectory_isCoveredByTheDirectoryCopy() {
        List<ServicePlan> plans = planner.plan(batch("web/sub", "web/sub/new.js"), p -> true);
        assertThat(plans.getFirst().sync()).containsExactly(
                new ServicePlan.SyncPath(webSrc, P.resolve("web/sub"), "/app/web/sub", false));
    }

    @Test
    void rebuild_supersedesTheServicesSync() {
        List<ServicePlan> plans = planner.plan(batch("web/index.js", "package.json"), p -> true);
        assertThat(plans).containsExactly(new ServicePlan("web", List.of(), true, false, List.of()));
    }

    @Test
    void syncRestartAndSyncExecAndRestart_areEachTheirServices() {
        List<ServicePlan> plans = planner.plan(batch("api/conf/a.ini", "api/etc/b", "api/etc/c", "worker/run.sh"), p -> true);
        assertThat(plans).containsExactly(
                new ServicePlan("api", List.of(
                        new ServicePlan.SyncPath(apiConf, P.resolve("api/conf/a.ini"), "/etc/api/a.ini", false),
                        new ServicePlan.SyncPath(apiEtc, P.resolve("api/etc/b"), "/etc/x/b", false),
                        new ServicePlan.SyncPath(apiEtc, P.resolve("api/etc/c"), "/etc/x/c", false)), false, true, List.of(RELOAD)),
                new ServicePlan("worker", List.of(), false, true, List.of()));
    }

    @Test
    void ignoredOrUnwatchedChanges_planNothing() {
        assertThat(planner.plan(batch("web/a.tmp", "elsewhere/file", "package.json.bak"), p -> true)).isEmpty();
    }
}
