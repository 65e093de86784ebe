package org.devmodel.core.internal.module;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AliasPatternTest {

    @Test
    void matchesExactlyAndWithShellWildcardsAfterNormalisingDashes() {
        assertThat(new AliasPattern("char-major-10-196").matches("char_major_10_196")).isTrue();
        assertThat(new AliasPattern("char-major-10-196").matches("char-major-10-19")).isFalse();
        assertThat(new AliasPattern("pci:v00001AF4d*sv*").matches("pci:v00001AF4d00001000sv00001AF4")).isTrue();
        assertThat(new AliasPattern("char-major-240-?").matches("char-major-240-7")).isTrue();
        assertThat(new AliasPattern("char-major-24[0-3]-0").matches("char-major-242-0")).isTrue();
        assertThat(new AliasPattern("char-major-24[0-3]-0").matches("char-major-244-0")).isFalse();
        assertThat(new AliasPattern("a.b").matches("axb")).isFalse();
    }

    @Test
    void refusesWhatModulesAliasCannotHold() {
        assertThat(AliasPattern.problem("devname:vfio/vfio")).isNull();
        assertThat(AliasPattern.problem("")).isEqualTo("empty alias");
        assertThat(AliasPattern.problem("a b")).contains("white space");
        assertThat(AliasPattern.problem("a[b")).contains("unbalanced");
    }
}
