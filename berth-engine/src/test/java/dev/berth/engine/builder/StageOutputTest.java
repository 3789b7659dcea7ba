package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageOutputTest {

    @Test
    void laterStagesOutput_isHeldUntilTheEarlierOnesFinish() {
        StringBuilder out = new StringBuilder();
        StageOutput output = new StageOutput(out::append, 3);
        output.stage(2).stream("c1 ");
        output.stage(0).stream("a1 ");
        output.stage(1).stream("b1 ");
        output.stage(0).stream("a2 ");
        assertThat(out).hasToString("a1 a2 ");
        output.finish(0);
        assertThat(out).hasToString("a1 a2 b1 ");
        output.stage(1).stream("b2 ");
        output.stage(2).stream("c2 ");
        output.finish(1);
        output.stage(2).stream("c3 ");
        output.finish(2);
        assertThat(out).hasToString("a1 a2 b1 b2 c1 c2 c3 ");
    }

    @Test
    void aStageFinishedEarly_followsAsSoonAsThoseBeforeItAreDone() {
        StringBuilder out = new StringBuilder();
        StageOutput output = new StageOutput(out::append, 2);
        output.stage(1).stream("b ");
        output.finish(1);
        output.stage(0).stream("a ");
        output.finish(0);
        assertThat(out).hasToString("a b ");
    }

    @Test
    void aFailedStage_showsItsOutputAtOnce() {
        StringBuilder out = new StringBuilder();
        StageOutput output = new StageOutput(out::append, 2);
        output.stage(0).stream("a ");
        output.stage(1).stream("b failed ");
        output.fail(1);
        assertThat(out).hasToString("a b failed ");
    }
}
