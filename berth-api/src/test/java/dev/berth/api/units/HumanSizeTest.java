package dev.berth.api.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanSizeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0             | 0B
            1             | 1B
            999           | 999B
            1000          | 1kB
            1024          | 1.024kB
            4100          | 4.1kB
            1234567       | 1.235MB
            999999        | 1000kB
            1000000       | 1MB
            3455000000    | 3.455GB
            1000000000000 | 1TB
            1000000000000000 | 1PB
            1000000000000000000 | 1EB
            """)
    void of_printsDecimalUnitsWithFourDigits(long bytes, String expected) {
        assertThat(HumanSize.of(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0         | 0B
            7         | 7B
            1234567   | 1.23MB
            77800000  | 77.8MB
            187654321 | 188MB
            """)
    void of_withPrecisionThree_asDockerPsAndImages(long bytes, String expected) {
        assertThat(HumanSize.of(bytes, 3)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0          | 0B
            1023       | 1023B
            1024       | 1KiB
            1536       | 1.5KiB
            536870912  | 512MiB
            1610612736 | 1.5GiB
            """)
    void bytesSize_printsBinaryUnits(long bytes, String expected) {
        assertThat(BytesSize.of(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "%.{1}g of {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0        | 4 | 1
            0.5        | 4 | 0.5
            123456.0   | 4 | 1.235e+05
            0.00001234 | 3 | 1.23e-05
            0.0001234  | 3 | 0.000123
            1234.5     | 4 | 1234
            1235.5     | 4 | 1236
            -2.5       | 2 | -2.5
            """)
    void goFloat_g_matchesGoFmt(double v, int precision, String expected) {
        assertThat(GoFloat.g(v, precision)).isEqualTo(expected);
    }
}
