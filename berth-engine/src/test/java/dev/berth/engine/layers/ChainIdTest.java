package dev.berth.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.digest.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainIdTest {

    private static final DiffId A = new DiffId(Digest.sha256("a"));
    private static final DiffId B = new DiffId(Digest.sha256("b"));
    private static final DiffId C = new DiffId(Digest.sha256("c"));

    @Test
    void chain_matchesTheOciFormulaComputedIndependently() {
        // values from: printf "%s %s" $parent $diff | sha256sum
        assertThat(ChainId.chain(List.of(A, B, C))).extracting(ChainId::toString).containsExactly(
                "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
                "sha256:51c0c8ace48498d6f5fee6b0592cc06f2da0f3cbe09c5a34a97dce85c3889676",
                "sha256:2fce7f8ce91bcf0a1428b36e1024639fdbd9469eea762dba98aa749631885106");
    }

    @Test
    void top_isNullWithoutLayersAndTheDiffIdForOne() {
        assertThat(ChainId.top(List.of())).isNull();
        assertThat(ChainId.top(List.of(A)).digest()).isEqualTo(A.digest());
    }
}
