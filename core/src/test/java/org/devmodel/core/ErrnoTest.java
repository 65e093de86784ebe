package org.devmodel.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void numbersAndMessagesAreLinuxAndGlibcs() {
        assertThat(Errno.EBUSY.number()).isEqualTo(16);
        assertThat(Errno.EBUSY.describe()).isEqualTo("EBUSY (Device or resource busy)");
        assertThat(Errno.EAGAIN.number()).isEqualTo(11);
        assertThat(Errno.EAGAIN.message()).isEqualTo("Resource temporarily unavailable");
        assertThat(Errno.ENOTTY.message()).isEqualTo("Inappropriate ioctl for device");
        assertThat(Errno.EHWPOISON.number()).isEqualTo(133);
        assertThat(Errno.values()).hasSize(131);
    }

    @Test
    void aliasesResolveToTheirErrno() {
        assertThat(Errno.byName("EWOULDBLOCK")).contains(Errno.EAGAIN);
        assertThat(Errno.byName("EDEADLOCK")).contains(Errno.EDEADLK);
        assertThat(Errno.byName("ENOTSUP")).contains(Errno.EOPNOTSUPP);
        assertThat(Errno.byName("EFOO")).isEmpty();
    }

    @Test
    void lookupByNumberCoversGaps() {
        assertThat(Errno.byNumber(19)).contains(Errno.ENODEV);
        assertThat(Errno.byNumber(41)).isEmpty(); // 41 and 58 are unused on Linux
        assertThat(Errno.byNumber(0)).isEmpty();
        assertThat(Errno.byNumber(134)).isEmpty();
    }
}
