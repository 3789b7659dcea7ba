package dev.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.Await;
import dev.berth.testkit.BackgroundCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /events} through berth and docker: history with since/until, filters, the live stream. */
class EventsIT extends DaemonFixture {

    private static String unix(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    @Test
    void containerLifecycle_isInTheHistory() {
        Instant from = Instant.now();
        berth("run", "--name", "evt", "--label", "tier=front", "busybox", "sh", "-c", "exit 3");
        berth("rm", "evt").assertSuccess();
        Instant to = Instant.now();

        var actions = berth("events", "--since", unix(from), "--until", unix(to), "--filter", "container=evt",
                "--format", "{{.Action}}").assertSuccess().out();
        // run attaches before it starts: dockerd's attach event comes between create and start
        assertThat(actions.lines()).containsExactly("create", "attach", "start", "die", "destroy");
        assertThat(berth("events", "--since", unix(from), "--until", unix(to), "--filter", "container=evt",
                "--filter", "event=die", "--format", "{{.Actor.Attributes.exitCode}}").assertSuccess().out())
                .isEqualTo("3");

        var legacy = berth("events", "--since", unix(from), "--until", unix(to), "--filter", "event=create",
                "--filter", "label=tier=front", "--format", "{{.status}} {{.from}} {{.Actor.Attributes.name}}")
                .assertSuccess().out();
        assertThat(legacy).isEqualTo("create busybox evt");

        var viaDocker = docker("events", "--since", unix(from), "--until", unix(to), "--filter", "type=container",
                "--filter", "event=die", "--format", "{{.Type}} {{.Action}} {{index .Actor.Attributes \"name\"}}")
                .assertSuccess().out();
        assertThat(viaDocker).isEqualTo("container die evt");
    }

    @Test
    void imageTagAndRemoval_areEvents() {
        Instant from = Instant.now();
        berth("tag", "busybox", "evtimage:v1").assertSuccess();
        berth("rmi", "evtimage:v1").assertSuccess();
        Instant to = Instant.now();
        var lines = berth("events", "--since", unix(from), "--until", unix(to), "--filter", "type=image",
                "--format", "{{.Action}} {{.Actor.Attributes.name}}").assertSuccess().out();
        assertThat(lines.lines()).containsExactly("tag evtimage:v1", "untag evtimage:v1");
    }

    @Test
    void volumeAndNetworkChanges_areEvents_withTheirFiltersAndDockersTimeFormats() {
        Instant from = Instant.now();
        berth("volume", "create", "evtvol").assertSuccess();
        berth("volume", "rm", "evtvol").assertSuccess();
        berth("network", "create", "evtnet").assertSuccess();
        berth("network", "rm", "evtnet").assertSuccess();
        String until = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                Instant.now().plusSeconds(1).atOffset(java.time.ZoneOffset.UTC));

        // a relative since ("1m") and an RFC 3339 until, as docker takes them
        assertThat(berth("events", "--since", "1m", "--until", until, "--filter", "volume=evtvol",
                "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.driver}}").assertSuccess().out().lines())
                .containsExactly("volume create local", "volume destroy local");
        assertThat(docker("events", "--since", unix(from), "--until", until, "--filter", "network=evtnet",
                "--format", "{{.Type}} {{.Action}} {{index .Actor.Attributes \"type\"}}").assertSuccess().out().lines())
                .containsExactly("network create bridge", "network destroy bridge");
        assertThat(docker("events", "--since", unix(from), "--until", until, "--filter", "type=network",
                "--filter", "event=destroy", "--format", "{{index .Actor.Attributes \"name\"}}").assertSuccess().out())
                .isEqualTo("evtnet");
    }

    @Test
    void mountsConnectionsSavesAndPrunes_areEvents_asDockerdSendsThem(@TempDir Path tmp) {
        Instant from = Instant.now();
        berth("network", "create", "evtlink").assertSuccess();
        try {
            String net = berth("network", "inspect", "-f", "{{.Id}}", "evtlink").assertSuccess().out();
            berth("run", "-d", "--name", "evtmount", "-v", "evtdata:/data:ro", "busybox", "sleep", "300").assertSuccess();
            String id = berth("inspect", "-f", "{{.Id}}", "evtmount").assertSuccess().out();
            berth("network", "connect", "evtlink", "evtmount").assertSuccess();
            berth("network", "disconnect", "evtlink", "evtmount").assertSuccess();
            berth("top", "evtmount").assertSuccess();
            berth("stop", "-t", "0", "evtmount").assertSuccess();
            berth("save", "-o", tmp.resolve("b.tar").toString(), "busybox").assertSuccess();
            berth("image", "prune", "-f").assertSuccess();
            docker("builder", "prune", "-f").assertSuccess();
            Instant to = Instant.now();
            String since = unix(from);
            String until = unix(to);

            assertThat(berth("events", "--since", since, "--until", until, "--filter", "type=volume",
                    "--format", "{{.Action}} {{.Actor.ID}}").assertSuccess().out().lines())
                    .containsExactly("create evtdata", "mount evtdata", "unmount evtdata");
            assertThat(docker("events", "--since", since, "--until", until, "--filter", "volume=evtdata", "--filter",
                    "event=mount", "--format", "{{index .Actor.Attributes \"container\"}} {{index .Actor.Attributes \"destination\"}} "
                            + "{{index .Actor.Attributes \"read/write\"}} {{index .Actor.Attributes \"driver\"}}")
                    .assertSuccess().out()).isEqualTo(id + " /data false local");
            // connect/disconnect on the command and at start/stop (the default bridge), actor = the network
            assertThat(docker("events", "--since", since, "--until", until, "--filter", "network=evtlink",
                    "--format", "{{.Action}} {{.Actor.ID}} {{index .Actor.Attributes \"container\"}}").assertSuccess().out().lines())
                    .containsExactly("create " + net + " ", "connect " + net + " " + id, "disconnect " + net + " " + id);
            assertThat(berth("events", "--since", since, "--until", until, "--filter", "type=network", "--filter", "network=bridge",
                    "--format", "{{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}}").assertSuccess().out().lines())
                    .containsExactly("connect bridge bridge", "disconnect bridge bridge");
            assertThat(berth("events", "--since", since, "--until", until, "--filter", "container=evtmount",
                    "--format", "{{.Action}}").assertSuccess().out().lines()).contains("start", "top", "die", "stop");

            String busybox = docker("image", "inspect", "-f", "{{.Id}}", "busybox").assertSuccess().out();
            assertThat(docker("events", "--since", since, "--until", until, "--filter", "type=image", "--filter", "event=save",
                    "--format", "{{.Actor.ID}}").assertSuccess().out()).isEqualTo(busybox);
            assertThat(berth("events", "--since", since, "--until", until, "--filter", "type=image", "--filter", "type=builder",
                    "--filter", "event=prune", "--format", "{{.Type}} {{.Actor.Attributes.reclaimed}}").assertSuccess().out().lines())
                    .containsExactly("image 0", "builder 0");
        } finally {
            // a bridge left behind would hold its subnet on the host for every later daemon
            berth("rm", "-f", "evtmount");
            berth("network", "rm", "evtlink").assertSuccess();
            berth("volume", "rm", "evtdata");
        }
    }

    @Test
    void liveStream_deliversEventsAsTheyHappen(@TempDir Path tmp) throws Exception {
        String since = unix(Instant.now().minusSeconds(1));
        // no --until: the stream stays open until the start arrives, however loaded the host is.
        // --since as well: the CLI may subscribe only after the start, and then the history carries it
        BackgroundCommand watcher = BackgroundCommand.start(daemon.berthCommandLine("events", "--since", since,
                "--filter", "container=live", "--filter", "event=start"), tmp.resolve("events.out"));
        try {
            berth("create", "--name", "live", "busybox", "true").assertSuccess();
            berth("start", "live").assertSuccess();
            Await.until("the start event on the open stream", Duration.ofSeconds(60),
                    () -> watcher.output().contains(" container start "));
            assertThat(watcher.output()).contains("name=live");
            assertThat(watcher.isAlive()).as("the stream stays open after the event").isTrue();
        } finally {
            watcher.close();
            berth("rm", "-f", "live");
        }
    }
}
