package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Base62Test {

    @Test
    void encodeUsesDigitsThenUpperThenLowerCase() {
        assertThat(Base62.encode(0)).isEqualTo("0");
        assertThat(Base62.encode(9)).isEqualTo("9");
        assertThat(Base62.encode(10)).isEqualTo("A");
        assertThat(Base62.encode(36)).isEqualTo("a");
        assertThat(Base62.encode(61)).isEqualTo("z");
        assertThat(Base62.encode(62)).isEqualTo("10");
        assertThat(Base62.encode(-62)).isEqualTo("-10");
        assertThat(Base62.encode(1_763_769_600L)).isEqualTo("1vMb2m");
    }

    @Test
    void decodeInvertsEncodeOverTheWholeLongRange() {
        for (long value : new long[] {0, 1, -1, 61, 62, 1_700_000_000L, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(Base62.decode(Base62.encode(value))).isEqualTo(value);
        }
        assertThat(Base62.encode(Long.MIN_VALUE)).startsWith("-");
    }

    @Test
    void decodeRejectsBadText() {
        for (String text : new String[] {"", "-", "1r3!eq", "1 2", "é", "zzzzzzzzzzzzzzz"}) {
            assertThatThrownBy(() -> Base62.decode(text)).as(text)
                    .isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }
}
