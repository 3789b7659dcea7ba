package dev.berth.cli;

import dev.berth.cli.command.container.ContainerCommitCommand;
import dev.berth.cli.command.container.ContainerCpCommand;
import dev.berth.cli.command.compose.ComposeUpCommand;
import dev.berth.cli.command.compose.ComposeDownCommand;
import dev.berth.cli.command.compose.ComposePsCommand;
import dev.berth.cli.command.compose.ComposeLogsCommand;
import dev.berth.cli.command.compose.ComposeStartCommand;
import dev.berth.cli.command.compose.ComposeStopCommand;
import dev.berth.cli.command.compose.ComposeRestartCommand;
import dev.berth.cli.command.compose.ComposeRmCommand;
import dev.berth.cli.command.compose.ComposeBuildCommand;
import dev.berth.cli.command.compose.ComposePullCommand;
import dev.berth.cli.command.compose.ComposeEventsCommand;
import dev.berth.cli.command.compose.ComposeCpCommand;
import dev.berth.cli.command.compose.ComposeWaitCommand;
import dev.berth.cli.command.compose.ComposePushCommand;
import dev.berth.cli.command.compose.ComposeWatchCommand;
import dev.berth.cli.command.compose.ComposeExecCommand;
import dev.berth.cli.command.compose.ComposeRunCommand;
import dev.berth.cli.command.compose.ComposeConfigCommand;
import dev.berth.cli.command.compose.ComposeLsCommand;
import dev.berth.cli.command.compose.ComposeImagesCommand;
import dev.berth.cli.command.compose.ComposeTopCommand;
import dev.berth.cli.command.compose.ComposePortCommand;
import dev.berth.cli.command.compose.ComposeKillCommand;
import dev.berth.cli.command.compose.ComposePauseCommand;
import dev.berth.cli.command.compose.ComposeUnpauseCommand;
import dev.berth.cli.command.compose.ComposeCreateCommand;
import dev.berth.cli.command.compose.ComposeVersionCommand;
import dev.berth.cli.command.compose.ComposeGroupCommand;
import dev.berth.cli.command.compose.ComposeScaleCommand;
import dev.berth.cli.command.compose.ComposeStatsCommand;
import dev.berth.cli.command.compose.ComposeAttachCommand;
import dev.berth.cli.command.registry.LoginCommand;
import dev.berth.cli.command.registry.LogoutCommand;
import dev.berth.cli.command.registry.PullCommand;
import dev.berth.cli.command.registry.PushCommand;
import dev.berth.cli.command.container.ContainerCreateCommand;
import dev.berth.cli.command.container.ContainerInspectCommand;
import dev.berth.cli.command.container.ContainerAttachCommand;
import dev.berth.cli.command.container.ContainerExecCommand;
import dev.berth.cli.command.container.ContainerKillCommand;
import dev.berth.cli.command.container.ContainerPauseCommand;
import dev.berth.cli.command.container.ContainerPruneCommand;
import dev.berth.cli.command.container.ContainerTopCommand;
import dev.berth.cli.command.container.ContainerUnpauseCommand;
import dev.berth.cli.command.container.ContainerLogsCommand;
import dev.berth.cli.command.container.ContainerPortCommand;
import dev.berth.cli.command.container.ContainerPsCommand;
import dev.berth.cli.command.container.ContainerRenameCommand;
import dev.berth.cli.command.container.ContainerRestartCommand;
import dev.berth.cli.command.container.ContainerRmCommand;
import dev.berth.cli.command.container.ContainerRunCommand;
import dev.berth.cli.command.container.ContainerStartCommand;
import dev.berth.cli.command.container.ContainerStatsCommand;
import dev.berth.cli.command.container.ContainerStopCommand;
import dev.berth.cli.command.container.ContainerUpdateCommand;
import dev.berth.cli.command.container.ContainerDiffCommand;
import dev.berth.cli.command.container.ContainerExportCommand;
import dev.berth.cli.command.container.ContainerWaitCommand;
import dev.berth.cli.command.image.ImageBootstrapCommand;
import dev.berth.cli.command.image.BuilderPruneCommand;
import dev.berth.cli.command.image.ImageBuildCommand;
import dev.berth.cli.command.image.ImageHistoryCommand;
import dev.berth.cli.command.image.ImageImportCommand;
import dev.berth.cli.command.image.ImageInspectCommand;
import dev.berth.cli.command.image.ImageLoadCommand;
import dev.berth.cli.command.image.ImageLsCommand;
import dev.berth.cli.command.image.ImagePruneCommand;
import dev.berth.cli.command.image.ImageRmCommand;
import dev.berth.cli.command.image.ImageSaveCommand;
import dev.berth.cli.command.image.ImagePruneCommand;
import dev.berth.cli.command.image.ImageTagCommand;
import dev.berth.cli.command.system.BuilderGroupCommand;
import dev.berth.cli.command.system.ContainerGroupCommand;
import dev.berth.cli.command.system.EventsCommand;
import dev.berth.cli.command.system.SystemDfCommand;
import dev.berth.cli.command.system.SystemGroupCommand;
import dev.berth.cli.command.system.SystemPruneCommand;
import dev.berth.cli.command.system.ImageGroupCommand;
import dev.berth.cli.command.system.InfoCommand;
import dev.berth.cli.command.system.InspectCommand;
import dev.berth.cli.command.system.VersionCommand;
import dev.berth.cli.command.network.NetworkConnectCommand;
import dev.berth.cli.command.network.NetworkCreateCommand;
import dev.berth.cli.command.network.NetworkDisconnectCommand;
import dev.berth.cli.command.network.NetworkGroupCommand;
import dev.berth.cli.command.network.NetworkInspectCommand;
import dev.berth.cli.command.network.NetworkLsCommand;
import dev.berth.cli.command.network.NetworkPruneCommand;
import dev.berth.cli.command.network.NetworkRmCommand;
import dev.berth.cli.command.system.VolumeGroupCommand;
import dev.berth.cli.command.volume.VolumeCreateCommand;
import dev.berth.cli.command.volume.VolumeInspectCommand;
import dev.berth.cli.command.volume.VolumeLsCommand;
import dev.berth.cli.command.volume.VolumePruneCommand;
import dev.berth.cli.command.volume.VolumeRmCommand;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which class answers which word: top-level verbs, and the verbs of the {@code container}
 * and {@code image} groups. Plain lambdas, so that {@link Main} instantiates (and picocli
 * introspects) only the command that was asked for.
 */
final class CommandTable {

    record Entry(String name, List<String> aliases, Supplier<Object> factory, List<Entry> children) {

        static Entry of(String name, Supplier<Object> factory, String... aliases) {
            return new Entry(name, List.of(aliases), factory, List.of());
        }

        static Entry group(String name, Supplier<Object> factory, List<Entry> children) {
            return new Entry(name, List.of(), factory, children);
        }

        boolean answers(String word) {
            return name.equals(word) || aliases.contains(word);
        }
    }

    static final List<Entry> CONTAINER = List.of(
            Entry.of("ls", ContainerPsCommand::new, "ps", "list"),
            Entry.of("run", ContainerRunCommand::new),
            Entry.of("create", ContainerCreateCommand::new),
            Entry.of("start", ContainerStartCommand::new),
            Entry.of("stop", ContainerStopCommand::new),
            Entry.of("kill", ContainerKillCommand::new),
            Entry.of("restart", ContainerRestartCommand::new),
            Entry.of("exec", ContainerExecCommand::new),
            Entry.of("attach", ContainerAttachCommand::new),
            Entry.of("rm", ContainerRmCommand::new, "remove"),
            Entry.of("inspect", ContainerInspectCommand::new),
            Entry.of("logs", ContainerLogsCommand::new),
            Entry.of("wait", ContainerWaitCommand::new),
            Entry.of("diff", ContainerDiffCommand::new),
            Entry.of("export", ContainerExportCommand::new),
            Entry.of("rename", ContainerRenameCommand::new),
            Entry.of("cp", ContainerCpCommand::new),
            Entry.of("commit", ContainerCommitCommand::new),
            Entry.of("update", ContainerUpdateCommand::new),
            Entry.of("stats", ContainerStatsCommand::new),
            Entry.of("pause", ContainerPauseCommand::new),
            Entry.of("unpause", ContainerUnpauseCommand::new),
            Entry.of("top", ContainerTopCommand::new),
            Entry.of("prune", ContainerPruneCommand::new),
            Entry.of("port", ContainerPortCommand::new));

    static final List<Entry> IMAGE = List.of(
            Entry.of("ls", ImageLsCommand::new, "list"),
            Entry.of("rm", ImageRmCommand::new, "remove"),
            Entry.of("tag", ImageTagCommand::new),
            Entry.of("history", ImageHistoryCommand::new),
            Entry.of("import", ImageImportCommand::new),
            Entry.of("save", ImageSaveCommand::new),
            Entry.of("load", ImageLoadCommand::new),
            Entry.of("build", ImageBuildCommand::new),
            Entry.of("inspect", ImageInspectCommand::new),
            Entry.of("bootstrap", ImageBootstrapCommand::new),
            Entry.of("prune", ImagePruneCommand::new),
            Entry.of("pull", PullCommand::new),
            Entry.of("push", PushCommand::new));

    static final List<Entry> VOLUME = List.of(
            Entry.of("create", VolumeCreateCommand::new),
            Entry.of("ls", VolumeLsCommand::new, "list"),
            Entry.of("inspect", VolumeInspectCommand::new),
            Entry.of("rm", VolumeRmCommand::new, "remove"),
            Entry.of("prune", VolumePruneCommand::new));

    static final List<Entry> BUILDER = List.of(
            Entry.of("build", ImageBuildCommand::new),
            Entry.of("prune", BuilderPruneCommand::new));

    static final List<Entry> SYSTEM = List.of(
            Entry.of("events", EventsCommand::new),
            Entry.of("info", InfoCommand::new),
            Entry.of("df", SystemDfCommand::new),
            Entry.of("prune", SystemPruneCommand::new));

    static final List<Entry> NETWORK = List.of(
            Entry.of("create", NetworkCreateCommand::new),
            Entry.of("ls", NetworkLsCommand::new, "list"),
            Entry.of("inspect", NetworkInspectCommand::new),
            Entry.of("rm", NetworkRmCommand::new, "remove"),
            Entry.of("prune", NetworkPruneCommand::new),
            Entry.of("connect", NetworkConnectCommand::new),
            Entry.of("disconnect", NetworkDisconnectCommand::new));

    static final List<Entry> COMPOSE = List.of(
            Entry.of("up", ComposeUpCommand::new),
            Entry.of("down", ComposeDownCommand::new),
            Entry.of("ps", ComposePsCommand::new),
            Entry.of("logs", ComposeLogsCommand::new),
            Entry.of("start", ComposeStartCommand::new),
            Entry.of("stop", ComposeStopCommand::new),
            Entry.of("restart", ComposeRestartCommand::new),
            Entry.of("rm", ComposeRmCommand::new),
            Entry.of("build", ComposeBuildCommand::new),
            Entry.of("pull", ComposePullCommand::new),
            Entry.of("exec", ComposeExecCommand::new),
            Entry.of("run", ComposeRunCommand::new),
            Entry.of("config", ComposeConfigCommand::new),
            Entry.of("ls", ComposeLsCommand::new),
            Entry.of("images", ComposeImagesCommand::new),
            Entry.of("top", ComposeTopCommand::new),
            Entry.of("port", ComposePortCommand::new),
            Entry.of("kill", ComposeKillCommand::new),
            Entry.of("pause", ComposePauseCommand::new),
            Entry.of("unpause", ComposeUnpauseCommand::new),
            Entry.of("create", ComposeCreateCommand::new),
            Entry.of("events", ComposeEventsCommand::new),
            Entry.of("cp", ComposeCpCommand::new),
            Entry.of("wait", ComposeWaitCommand::new),
            Entry.of("push", ComposePushCommand::new),
            Entry.of("watch", ComposeWatchCommand::new),
            Entry.of("scale", ComposeScaleCommand::new),
            Entry.of("stats", ComposeStatsCommand::new),
            Entry.of("attach", ComposeAttachCommand::new),
            Entry.of("version", ComposeVersionCommand::new));

    static final List<Entry> ROOT = List.of(
            Entry.of("run", ContainerRunCommand::new),
            Entry.of("create", ContainerCreateCommand::new),
            Entry.of("start", ContainerStartCommand::new),
            Entry.of("stop", ContainerStopCommand::new),
            Entry.of("kill", ContainerKillCommand::new),
            Entry.of("restart", ContainerRestartCommand::new),
            Entry.of("exec", ContainerExecCommand::new),
            Entry.of("attach", ContainerAttachCommand::new),
            Entry.of("rm", ContainerRmCommand::new),
            Entry.of("ps", ContainerPsCommand::new),
            Entry.of("logs", ContainerLogsCommand::new),
            Entry.of("inspect", InspectCommand::new),
            Entry.of("wait", ContainerWaitCommand::new),
            Entry.of("diff", ContainerDiffCommand::new),
            Entry.of("export", ContainerExportCommand::new),
            Entry.of("rename", ContainerRenameCommand::new),
            Entry.of("cp", ContainerCpCommand::new),
            Entry.of("commit", ContainerCommitCommand::new),
            Entry.of("update", ContainerUpdateCommand::new),
            Entry.of("stats", ContainerStatsCommand::new),
            Entry.of("pause", ContainerPauseCommand::new),
            Entry.of("unpause", ContainerUnpauseCommand::new),
            Entry.of("top", ContainerTopCommand::new),
            Entry.of("port", ContainerPortCommand::new),
            Entry.of("images", ImageLsCommand::new),
            Entry.of("rmi", ImageRmCommand::new),
            Entry.of("tag", ImageTagCommand::new),
            Entry.of("history", ImageHistoryCommand::new),
            Entry.of("import", ImageImportCommand::new),
            Entry.of("save", ImageSaveCommand::new),
            Entry.of("load", ImageLoadCommand::new),
            Entry.of("build", ImageBuildCommand::new),
            Entry.of("pull", PullCommand::new),
            Entry.of("push", PushCommand::new),
            Entry.of("login", LoginCommand::new),
            Entry.of("logout", LogoutCommand::new),
            Entry.of("version", VersionCommand::new),
            Entry.of("info", InfoCommand::new),
            Entry.of("events", EventsCommand::new),
            Entry.group("system", SystemGroupCommand::new, SYSTEM),
            Entry.group("container", ContainerGroupCommand::new, CONTAINER),
            Entry.group("image", ImageGroupCommand::new, IMAGE),
            Entry.group("builder", BuilderGroupCommand::new, BUILDER),
            Entry.group("volume", VolumeGroupCommand::new, VOLUME),
            Entry.group("network", NetworkGroupCommand::new, NETWORK),
            Entry.group("compose", ComposeGroupCommand::new, COMPOSE));

    private CommandTable() {
    }

    static Entry find(List<Entry> entries, String word) {
        for (Entry e : entries) {
            if (e.answers(word)) {
                return e;
            }
        }
        return null;
    }
}
